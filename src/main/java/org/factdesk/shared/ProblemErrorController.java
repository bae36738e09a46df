package org.factdesk.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error page for what no controller answered — a request a filter refused (too large, rejected by the
 * firewall) or a failure outside Spring MVC — answered as problem+json for the API and for every client that does
 * not ask for HTML, and as the page's error view for a browser on FactDesk's pages.
 */
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties properties,
            List<ErrorViewResolver> resolvers) {
        super(errorAttributes, properties, resolvers);
    }

    @Override
    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (!isApi(request)) {
            return super.errorHtml(request, response);
        }
        // A browser that opened an API address still gets the API's answer.
        ResponseEntity<Map<String, Object>> problem = error(request);
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        try {
            response.getOutputStream().write(ProblemErrorReportValve.json(problem.getBody()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return null;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, (String) request.getAttribute(Problems.KIND_ATTRIBUTE),
                        (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE)));
    }

    /** An RFC 9457 problem as a map; a fault's own message stays in the log, never in the answer. */
    static Map<String, Object> problem(HttpStatus status, String kind, String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(kind != null ? kind : kind(status)).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.is5xxServerError() || message == null || message.isBlank()
                ? detail(status) : Problems.shown(message, 500));
        return problem;
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case URI_TOO_LONG -> "uri-too-long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers-too-large";
            default -> status.is5xxServerError() ? "internal-error" : "request";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed: check its address (no %00, encoded slash %2F or other "
                    + "characters an address may not hold), its headers and its body, and send it again.";
            case NOT_FOUND -> "There is nothing at this address.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than FactDesk takes (" + InputLimits.REQUEST_BYTES
                    + " bytes).";
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's address or headers are too long.";
            default -> status.is5xxServerError()
                    ? "FactDesk could not complete this request. Nothing was changed; the error is logged."
                    : status.getReasonPhrase() + ".";
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString();
        if (path.startsWith(request.getContextPath())) {
            path = path.substring(request.getContextPath().length());
        }
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest");
    }
}
