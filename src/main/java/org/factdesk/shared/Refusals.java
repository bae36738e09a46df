package org.factdesk.shared;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * The one reading of every failure that the API and the pages share. It looks through whatever wrapped the failure
 * (the engine wraps its listeners' refusals) for the first cause it knows: a {@link ProblemException}, a denied
 * role, a value of the wrong type, two people changing the same thing at once (409), a value the database cannot
 * store (400), or what a {@link FailureTranslator} recognises. Anything else is a fault: a 500 that says nothing
 * of its details.
 */
@Component
public class Refusals {

    public static final String FORBIDDEN = "Your role does not allow this. Ask an admin if you need it.";
    public static final String CONCURRENT = "Someone else changed this at the same moment. Reload and try again.";

    private final List<FailureTranslator> translators;

    Refusals(List<FailureTranslator> translators) {
        this.translators = translators;
    }

    public Refusal of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<Refusal> known = known(cause);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "FactDesk could not complete this. Nothing was changed; the error is logged.");
    }

    private Optional<Refusal> known(Throwable cause) {
        if (cause instanceof ProblemException problem) {
            return Optional.of(new Refusal(problem.status(), problem.type(), problem.getMessage(),
                    problem.properties()));
        }
        if (cause instanceof AccessDeniedException) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "forbidden", FORBIDDEN));
        }
        if (cause instanceof TypeMismatchException mismatch) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, "invalid-parameter", "'"
                    + Problems.shown(mismatch.getValue()) + "' is not a valid "
                    + (mismatch.getPropertyName() == null ? "value" : mismatch.getPropertyName()) + "."));
        }
        if (cause instanceof ErrorResponse response) {
            HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
            String detail = response.getBody().getDetail();
            return Optional.of(new Refusal(status, "request", detail == null ? status.getReasonPhrase() : detail));
        }
        if (cause instanceof ConcurrencyFailureException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "concurrent-change", CONCURRENT));
        }
        if (cause instanceof DataIntegrityViolationException) {
            // A value too long for its column is the sender's to fix, not a race: it must not say "reload".
            ProblemException unstorable = Problems.unstorable(cause);
            return Optional.of(unstorable != null
                    ? new Refusal(unstorable.status(), unstorable.type(), unstorable.getMessage())
                    : new Refusal(HttpStatus.CONFLICT, "concurrent-change",
                            "This conflicts with data that was just written. Reload and try again."));
        }
        for (FailureTranslator translator : translators) {
            Optional<Refusal> translated = translator.translate(cause);
            if (translated.isPresent()) {
                return translated;
            }
        }
        return Optional.empty();
    }
}
