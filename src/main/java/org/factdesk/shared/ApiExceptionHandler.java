package org.factdesk.shared;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into an {@code application/problem+json} answer. Refusals carry their own
 * status; two people acting on the same thing at once get 409; only a real fault is a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception) {
        // Engine listeners may wrap FactDesk's refusals; the refusal, not the wrapper, is the answer.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return answer(Problems.of(problem.status(), problem.type(), problem.getMessage()));
            }
            if (cause instanceof AccessDeniedException) {
                return answer(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                        "Your role does not allow this. Ask an admin if you need it."));
            }
            if (cause instanceof TaskAlreadyClaimedException claimed) {
                return answer(Problems.of(HttpStatus.CONFLICT, "task-already-claimed", claimed.getMessage()));
            }
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                        "Someone else changed this at the same moment. Reload and try again."));
            }
            if (cause instanceof DataIntegrityViolationException) {
                return answer(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                        "This conflicts with data that was just written. Reload and try again."));
            }
        }
        log.error("Unexpected failure of an API call", exception);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "FactDesk could not complete this request. Nothing was changed; the error is logged."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException exception) {
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Parameter '" + exception.getName() + "' has an invalid value '" + exception.getValue() + "'."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON of the expected shape: " + firstLine(exception.getMostSpecificCause().getMessage()));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String fields = exception.getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", fields));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
