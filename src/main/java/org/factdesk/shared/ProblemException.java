package org.factdesk.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request FactDesk refuses, with the status, a stable problem type and a message that tells the caller what to fix.
 * Thrown before anything is written, or inside the transaction that it rolls back.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    /** More about the refusal for a caller to act on (which field, which claim), in the problem's JSON. */
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    /** This refusal with one more property, such as the {@code field} it is about. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
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
