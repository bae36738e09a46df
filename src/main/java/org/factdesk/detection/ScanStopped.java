package org.factdesk.detection;

import java.time.Duration;

/**
 * A scan that stopped before it finished: its time limit passed, or the application is stopping. Whatever it had
 * found is dropped; a stopped scan stores nothing.
 */
public final class ScanStopped extends RuntimeException {

    /** Why the scan stopped. */
    public enum Reason { TIME_LIMIT, SHUTDOWN }

    private final Reason reason;

    ScanStopped(Reason reason, Duration limit) {
        super(reason == Reason.TIME_LIMIT ? "the scan did not finish within its time limit of " + limit
                : "the scan was stopped because the application is stopping", null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public boolean timedOut() {
        return reason == Reason.TIME_LIMIT;
    }
}
