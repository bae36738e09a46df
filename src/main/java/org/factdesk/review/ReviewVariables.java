package org.factdesk.review;

import java.util.Arrays;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.factdesk.shared.ProblemException;

/** Reads the process variables a task form or API call set, refusing values a person must correct. */
final class ReviewVariables {

    private ReviewVariables() {
    }

    static long claimId(VariableScope scope) {
        return ((Number) scope.getVariable(ClaimReviewProcess.Var.CLAIM_ID)).longValue();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type) {
        String value = text(scope, name);
        String allowed = Arrays.toString(type.getEnumConstants());
        if (value == null) {
            throw ProblemException.badRequest("invalid-" + name, "Give a '" + name + "', one of " + allowed + ".");
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-" + name, "Unknown " + name + " '" + value + "'; use one of "
                    + allowed + ".");
        }
    }
}
