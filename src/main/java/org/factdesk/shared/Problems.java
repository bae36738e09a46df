package org.factdesk.shared;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with FactDesk's stable type URIs ({@code urn:factdesk:problem:<kind>}). */
public final class Problems {

    private static final String PREFIX = "urn:factdesk:problem:";

    private Problems() {
    }

    public static URI type(String kind) {
        return URI.create(PREFIX + kind);
    }

    public static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
