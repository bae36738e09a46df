package org.factdesk.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Authenticates a user name and password against Camunda's identity store; the user's groups become roles. */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final UserDirectory directory;
    private final Duration minFailureTime;
    private final TransactionTemplate oneTransaction;

    CamundaUserAuthenticationProvider(UserDirectory directory, SignInThrottleProperties settings,
            PlatformTransactionManager transactions) {
        this.directory = directory;
        this.minFailureTime = settings.minFailureTime();
        this.oneTransaction = new TransactionTemplate(transactions);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        long started = System.nanoTime();
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        // Every API call signs in (HTTP Basic, no session): the password check and the group look-up share one
        // transaction and one connection, not one each. Nothing is kept between calls, so a changed password or a
        // removed membership counts from the next call, on every node. Not read-only: a wrong password is counted.
        List<String> groups = user == null || credentials == null ? null : oneTransaction.execute(status ->
                directory.checkPassword(user, credentials.toString()) ? directory.groupsOf(user) : null);
        if (groups == null) {
            // Camunda answers at once for an unknown user, but hashes the password and records the failed attempt
            // for a known one: both wait until the same time has passed, so the answer's timing does not tell which
            // user names exist. Unknown user and wrong password then end alike, in one exception and one count.
            waitUntil(started + minFailureTime.toNanos());
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> roles = groups.stream()
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
