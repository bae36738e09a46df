package org.factdesk.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How FactDesk throttles failed sign-ins, under {@code factdesk.login.*}.
 *
 * @param maxFailuresPerClient  failed sign-ins from one client address, for any accounts, that get it refused
 * @param maxFailuresPerAccount failed sign-ins from one client address for one account that get that pair refused
 * @param window                the time within which failures count, and how long the first refusal lasts
 * @param maxLockout            the longest refusal; each refusal that follows soon after another lasts twice as long,
 *                              up to this, and a client that stays clean for this long after one starts afresh
 * @param maxTracked            clients and client-account pairs remembered at most, so that the memory is bounded
 * @param minFailureTime        the least time a failed sign-in takes to answer, whether or not the user exists
 */
@ConfigurationProperties("factdesk.login")
record SignInThrottleProperties(
        @DefaultValue("20") int maxFailuresPerClient,
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("5m") Duration window,
        @DefaultValue("1h") Duration maxLockout,
        @DefaultValue("10000") int maxTracked,
        @DefaultValue("100ms") Duration minFailureTime) {

    SignInThrottleProperties {
        if (maxFailuresPerClient < 1 || maxFailuresPerAccount < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("factdesk.login: max-failures-per-client, max-failures-per-account "
                    + "and max-tracked must be at least 1");
        }
        if (window.isNegative() || window.isZero() || maxLockout.compareTo(window) < 0 || minFailureTime.isNegative()) {
            throw new IllegalArgumentException("factdesk.login: window must be positive, max-lockout at least the "
                    + "window, and min-failure-time not negative");
        }
    }
}
