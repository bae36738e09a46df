package org.factdesk.shared;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A request FactDesk refuses, with the status, a stable problem type and a message that tells the caller what to fix.
 * Thrown before anything is written, or inside the transaction that it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ProblemException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public static ProblemException badRequest(String type, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, message);
    }

    public static ProblemException notFound(String type, String message) {
        return new ProblemException(HttpStatus.NOT_FOUND, type, message);
    }

    public static ProblemException conflict(String type, String message) {
        return new ProblemException(HttpStatus.CONFLICT, type, message);
    }

    public static ProblemException forbidden(String type, String message) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable identifier of this kind of problem, such as {@code quote-not-found}. */
    public String type() {
        return type;
    }

    public URI typeUri() {
        return Problems.type(type);
    }
}
