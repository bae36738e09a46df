package org.factdesk.web;

import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.factdesk.shared.ProblemException;
import org.factdesk.shared.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shares: who is signed in, and a page (not problem+json) for a request FactDesk refuses. Ordered
 * before the API's handler and limited to this package, so the API keeps answering in problem+json.
 */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    /** A refusal as a page shows it: the HTTP status and a sentence a person can act on. */
    record Refusal(HttpStatus status, String type, String message) {
    }

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        return Viewer.of(authentication);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView refused(Exception exception, Authentication authentication) {
        Refusal refusal = of(exception);
        if (refusal.status().is5xxServerError()) {
            log.error("A page failed", exception);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(refusal.status());
        page.addObject("status", refusal.status().value());
        page.addObject("error", refusal.status().getReasonPhrase());
        page.addObject("message", refusal.message());
        page.addObject("viewer", Viewer.of(authentication));
        return page;
    }

    /** The refusal inside an exception, however deep the engine wrapped it. */
    static Refusal of(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return new Refusal(problem.status(), problem.type(), problem.getMessage());
            }
            if (cause instanceof AccessDeniedException) {
                return new Refusal(HttpStatus.FORBIDDEN, "forbidden",
                        "Your role does not allow this. Ask an admin if you need it.");
            }
            if (cause instanceof TypeMismatchException mismatch) {
                return new Refusal(HttpStatus.BAD_REQUEST, "invalid-parameter", "'"
                        + Problems.shown(mismatch.getValue()) + "' is not a valid "
                        + (mismatch.getPropertyName() == null ? "value" : mismatch.getPropertyName()) + ".");
            }
            if (cause instanceof ErrorResponse response) {
                HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
                return new Refusal(status, "request", response.getBody().getDetail() == null
                        ? status.getReasonPhrase() : response.getBody().getDetail());
            }
            ProblemException unstorable = cause instanceof DataIntegrityViolationException
                    ? Problems.unstorable(cause) : null;
            if (unstorable != null) {
                // A value too long for its column: the form's sender can fix it, and its transaction rolled back.
                return new Refusal(unstorable.status(), unstorable.type(), unstorable.getMessage());
            }
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                return new Refusal(HttpStatus.CONFLICT, "task-already-claimed", "Someone else got there first: "
                        + claimed.getMessage());
            }
        }
        return new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "FactDesk could not complete this. Nothing was changed; the error is logged.");
    }
}
