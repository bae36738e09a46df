package org.factdesk.identity;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.shared.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a sign-in attempt, HTTP Basic or the sign-in form, from a client that {@link SignInThrottle} refuses,
 * before Spring Security or Camunda look at the password: 429 with {@code Retry-After}, as problem+json for the API
 * and as FactDesk's error page for the form.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    static final String PROBLEM = "too-many-sign-in-attempts";

    private static final RequestMatcher SIGN_IN_FORM =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final SignInThrottle throttle;
    private final ObjectMapper json;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    SignInThrottleFilter(SignInThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = SIGN_IN_FORM.matches(request);
        String account = form ? request.getParameter("username") : basicUser(request);
        if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        // The address the connection comes from. Behind a reverse proxy that is the proxy, unless
        // server.forward-headers-strategy is set, in which case Tomcat or Spring put the client the trusted proxy
        // names here. X-Forwarded-For is never read directly: any client can send one, with any address in it.
        Duration wait = throttle.waitFor(request.getRemoteAddr(), account);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String detail = "Too many failed sign-ins from your address. Try again in " + inWords(seconds) + ".";
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        if (form) {
            // Spring Boot's error page shows the detail to the person at the form; no password was checked.
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), detail);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(HttpStatus.TOO_MANY_REQUESTS, PROBLEM, detail));
    }

    /** The user name of an HTTP Basic header; null without one, or for one Spring Security will refuse anyway. */
    private String basicUser(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken token = basic.convert(request);
            return token == null ? null : token.getName();
        } catch (AuthenticationException malformed) {
            return null;
        }
    }

    private static String inWords(long seconds) {
        if (seconds < 120) {
            return seconds + " seconds";
        }
        return ((seconds + 59) / 60) + " minutes";
    }
}
