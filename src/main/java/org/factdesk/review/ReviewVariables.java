package org.factdesk.review;

import java.util.Arrays;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;

import static org.factdesk.review.ClaimReviewProcess.Var;

/** Reads the claim a review is about and the form a person sent, refusing values a person must correct. */
final class ReviewVariables {

    private ReviewVariables() {
    }

    /**
     * The claim a review is about: its business key, which FactDesk sets when it starts the review and which only an
     * engine administrator can change. Never a variable: anyone completing a task can write variables.
     */
    static long claimId(DelegateExecution execution) {
        return parseClaimId(execution.getProcessBusinessKey());
    }

    static long claimId(DelegateTask task) {
        return claimId(task.getExecution());
    }

    static long parseClaimId(String businessKey) {
        try {
            return Long.parseLong(businessKey);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("not-a-claim-review", "This process instance has business key '"
                    + businessKey + "', which is no claim id; a claim review is started by flagging a claim.");
        }
    }

    /** A form field as text, stripped, or null when blank; a value longer than the field's limit is refused. */
    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw ProblemException.badRequest("invalid-" + name, "'" + name + "' must be text; it was "
                    + value.getClass().getSimpleName() + ".");
        }
        InputLimits.check(name, text, limitOf(name));
        return text.isBlank() ? null : text.strip();
    }

    private static int limitOf(String name) {
        return switch (name) {
            case Var.REPLACEMENT -> InputLimits.REPLACEMENT;
            case Var.NOTICE -> InputLimits.NOTICE;
            case Var.LEGAL_NOTICE -> InputLimits.NOTICE;
            case Var.NOTE, Var.COMMENT, Var.LEGAL_COMMENT -> InputLimits.NOTE;
            // verdict and decision are enum names; anything longer is no value of theirs
            default -> 100;
        };
    }

    /** A form field naming one of the enum's values, or null when it is not given. */
    static <E extends Enum<E>> E optionalEnum(VariableScope scope, String name, Class<E> type) {
        return text(scope, name) == null ? null : enumValue(scope, name, type);
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
