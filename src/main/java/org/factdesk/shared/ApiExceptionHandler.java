package org.factdesk.shared;

import java.net.URI;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into an {@code application/problem+json} answer. Refusals carry their own
 * status; two people acting on the same thing at once get 409; a request FactDesk cannot read is a 4xx; only a real
 * fault is a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final Refusals refusals;

    ApiExceptionHandler(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception) {
        Refusal refusal = refusals.of(exception);
        if (refusal.isFault()) {
            log.error("Unexpected failure of an API call", exception);
        } else if ("value-not-storable".equals(refusal.type())) {
            log.warn("A value reached the database over its column's limit: {}", exception.getMessage());
        }
        return answer(refusal.toProblem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException exception) {
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", "Parameter '" + exception.getName()
                + "' has an invalid value '" + Problems.shown(exception.getValue()) + "'."));
    }

    /**
     * A multipart body without its boundary, or cut short, cannot be read: the sender's request is at fault. (Spring
     * answers a multipart body over the size limit itself, 413.)
     */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMultipart(MultipartException exception) {
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "invalid-multipart", "The multipart body cannot be read"
                + " (is the boundary missing from the Content-Type?). FactDesk's API takes JSON, or text/plain for"
                + " an article file."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The JSON guard (CleanTextModule) refuses a field while it is read; its refusal names the field.
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return ResponseEntity.status(problem.status())
                        .body(Problems.of(problem.status(), problem.type(), problem.getMessage()));
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The request body is not valid JSON of the expected shape: "
                        + Problems.shown(firstLine(exception.getMostSpecificCause().getMessage()), 300));
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

    /** Spring's own answers (wrong method, media type, missing parameter...) get a FactDesk type, not about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && exception instanceof ErrorResponse response) {
            // Spring fills in the detail of this same problem afterwards.
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(Problems.type(kind(exception, status)));
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    private static String kind(Exception exception, HttpStatusCode status) {
        if (exception instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        if (exception instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        if (exception instanceof HttpMediaTypeNotAcceptableException) {
            return "not-acceptable";
        }
        if (exception instanceof MissingServletRequestParameterException
                || exception instanceof MissingPathVariableException) {
            return "missing-parameter";
        }
        if (exception instanceof NoResourceFoundException) {
            return "not-found";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "request" : switch (known) {
            case NOT_FOUND -> "not-found";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case BAD_REQUEST -> "invalid-request";
            default -> known.is5xxServerError() ? "internal-error" : "request";
        };
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
