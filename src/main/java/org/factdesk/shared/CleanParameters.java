package org.factdesk.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a request whose parameters (query string or form) or path variables hold NUL, another control character
 * or half of a surrogate pair, before the controller runs: what the JSON guard ({@link CleanTextModule}) does for
 * JSON bodies, for every form a page posts and every id in an address. The API answers the refusal as problem+json,
 * a page shows its error view.
 */
class CleanParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            InputLimits.requireClean("a parameter name", parameter.getKey());
            for (String value : parameter.getValue()) {
                InputLimits.requireClean(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> InputLimits.requireClean(String.valueOf(name),
                    String.valueOf(value)));
        }
        return true;
    }
}
