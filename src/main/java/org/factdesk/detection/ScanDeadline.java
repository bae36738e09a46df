package org.factdesk.detection;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * When a scan must stop. Detectors check it between paragraphs and passes, and LanguageTool asks it between
 * sentences and rules, so a scan that runs out of time ends its work and frees its thread instead of holding it.
 * A scan stops early too when the application is stopping, or its thread is interrupted.
 */
public final class ScanDeadline {

    private static final ScanDeadline NONE = new ScanDeadline(null, 0, () -> false);

    private final Duration limit;
    private final long endsAt;
    private final BooleanSupplier stopping;

    private ScanDeadline(Duration limit, long endsAt, BooleanSupplier stopping) {
        this.limit = limit;
        this.endsAt = endsAt;
        this.stopping = stopping;
    }

    /** A deadline {@code limit} from now. */
    public static ScanDeadline after(Duration limit) {
        return after(limit, () -> false);
    }

    /** A deadline {@code limit} from now, or earlier once {@code stopping} says the application is stopping. */
    static ScanDeadline after(Duration limit, BooleanSupplier stopping) {
        return new ScanDeadline(limit, System.nanoTime() + limit.toNanos(), stopping);
    }

    /** No time limit: the offline command and tests of a single detector. */
    public static ScanDeadline none() {
        return NONE;
    }

    public Duration limit() {
        return limit;
    }

    /** True once the time is up or the scan was asked to stop. */
    boolean passed() {
        return stopped() || (limit != null && System.nanoTime() - endsAt >= 0);
    }

    private boolean stopped() {
        return stopping.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** The time left, zero once passed; unlimited deadlines have a day. */
    Duration remaining() {
        if (limit == null) {
            return Duration.ofDays(1);
        }
        long left = endsAt - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** Stops the scan, by throwing {@link ScanStopped}, once the deadline has passed. */
    void check() {
        if (stopped()) {
            throw new ScanStopped(ScanStopped.Reason.SHUTDOWN, limit);
        }
        if (limit != null && System.nanoTime() - endsAt >= 0) {
            throw new ScanStopped(ScanStopped.Reason.TIME_LIMIT, limit);
        }
    }
}
