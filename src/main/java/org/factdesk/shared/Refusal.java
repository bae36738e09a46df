package org.factdesk.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure as FactDesk answers it, to the API (as problem+json) and on the pages alike: the status, the stable
 * problem type and a sentence a person can act on.
 */
public record Refusal(HttpStatus status, String type, String message) {

    /** A fault of FactDesk's, not of the request: logged, and answered without its details. */
    public boolean isFault() {
        return status.is5xxServerError();
    }

    public ProblemDetail toProblem() {
        return Problems.of(status, type, message);
    }
}
