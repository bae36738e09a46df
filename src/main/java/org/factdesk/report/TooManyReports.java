package org.factdesk.report;

import java.time.Duration;

import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A client that filed its share of reports within the window (429), with how long it must wait. */
public class TooManyReports extends ProblemException {

    private final Duration retryAfter;

    TooManyReports(Duration retryAfter, String message) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports", message);
        this.retryAfter = retryAfter;
    }

    /** For the {@code Retry-After} header: at least a second. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }
}
