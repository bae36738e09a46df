package org.factdesk.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Authenticates a user name and password against Camunda's identity store; the user's groups become roles. */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final UserDirectory directory;
    private final Duration minFailureTime;

    CamundaUserAuthenticationProvider(UserDirectory directory, SignInThrottleProperties settings) {
        this.directory = directory;
        this.minFailureTime = settings.minFailureTime();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        long started = System.nanoTime();
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || credentials == null || !directory.checkPassword(user, credentials.toString())) {
            // Camunda answers at once for an unknown user, but hashes the password and records the failed attempt
            // for a known one: both wait until the same time has passed, so the answer's timing does not tell which
            // user names exist. Unknown user and wrong password then end alike, in one exception and one count.
            waitUntil(started + minFailureTime.toNanos());
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> roles = directory.groupsOf(user).stream()
                .map(group -> new SimpleGrantedAuthority("ROLE_" + Groups.role(group)))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Real time, not the application's clock: this is about what a caller can measure. */
    private static void waitUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
