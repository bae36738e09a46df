package org.factdesk.review;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.shared.ProblemException;
import org.factdesk.shared.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives callers of Camunda's own APIs (the engine REST API and the one Tasklist uses) FactDesk's answer when a review
 * rule refuses them. The engine wraps whatever a listener throws in a plain engine exception, which those APIs answer
 * with a 500; the listeners remember their refusal on the request's thread, and this filter answers it instead: the
 * same status and problem+json that FactDesk's API gives.
 */
@Configuration(proxyBeanMethods = false)
class EngineRefusals {

    private static final ThreadLocal<ProblemException> REFUSAL = new ThreadLocal<>();

    /** Called by the listeners as they refuse a step; the refusal still rolls the step back. */
    static ProblemException remember(ProblemException refusal) {
        REFUSAL.set(refusal);
        return refusal;
    }

    @Bean
    FilterRegistrationBean<RefusalFilter> engineRefusalFilter(ObjectMapper json) {
        FilterRegistrationBean<RefusalFilter> registration = new FilterRegistrationBean<>(new RefusalFilter(json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    /** Holds back a changing call's answer until it is known whether a review rule refused it. */
    static final class RefusalFilter extends OncePerRequestFilter {

        private final ObjectMapper json;

        RefusalFilter(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            // Reads change nothing and may be large (diagrams, exports): they pass straight through.
            return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
            REFUSAL.remove();
            try {
                chain.doFilter(request, held);
                ProblemException refusal = REFUSAL.get();
                if (refusal != null && held.getStatus() >= 500 && !response.isCommitted()) {
                    held.resetBuffer();
                    response.setStatus(refusal.status().value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", Problems.type(refusal.type()).toString());
                    body.put("title", refusal.status().getReasonPhrase());
                    body.put("status", refusal.status().value());
                    body.put("detail", refusal.getMessage());
                    body.put("instance", request.getRequestURI());
                    json.writeValue(response.getOutputStream(), body);
                    return;
                }
                held.copyBodyToResponse();
            } finally {
                REFUSAL.remove();
            }
        }
    }
}
