package org.factdesk.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure as FactDesk answers it, to the API (as problem+json) and on the pages alike: the status, the stable
 * problem type and a sentence a person can act on.
 */
public record Refusal(HttpStatus status, String type, String message, Map<String, Object> properties) {

    public Refusal {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Refusal(HttpStatus status, String type, String message) {
        this(status, type, message, Map.of());
    }

    /** The property {@code name} as text (the field a refusal is about, say), or null. */
    public String property(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }

    /** A fault of FactDesk's, not of the request: logged, and answered without its details. */
    public boolean isFault() {
        return status.is5xxServerError();
    }

    public ProblemDetail toProblem() {
        ProblemDetail problem = Problems.of(status, type, message);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
