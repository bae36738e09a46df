package org.factdesk.shared;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt: {@code first} after the first failure, twice as long
 * after each further one, never longer than {@code longest}; after {@code attempts} tries it is given up.
 */
public record Backoff(int attempts, Duration first, Duration longest) {

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first wait must be positive, not " + first);
        }
        if (longest == null || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest wait must be at least the first, not " + longest);
        }
    }

    /** The wait after the {@code failed}-th failed attempt (1 for the first). */
    public Duration after(int failed) {
        Duration wait = first;
        for (int i = 1; i < failed && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** Whether a delivery that has now failed {@code failed} times is given up. */
    public boolean exhausted(int failed) {
        return failed >= attempts;
    }
}
