package org.factdesk.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Tells {@link SignInThrottle} how each sign-in over HTTP ended, from Spring Security's authentication events. */
class SignInOutcomes {

    private final SignInThrottle throttle;

    SignInOutcomes(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    /** Any failure counts, an unknown user exactly like a wrong password: the answer must not tell them apart. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = addressOf(event.getAuthentication());
        if (address != null) {
            throttle.failed(address, event.getAuthentication().getName());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = addressOf(event.getAuthentication());
        if (address != null) {
            throttle.succeeded(address, event.getAuthentication().getName());
        }
    }

    /** The client's address as the filters saw it ({@code request.getRemoteAddr()}); null if not over HTTP. */
    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
