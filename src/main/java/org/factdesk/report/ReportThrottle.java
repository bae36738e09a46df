package org.factdesk.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts the reports each client address filed within the window ({@code factdesk.reports.max-per-client} in
 * {@code window}) and refuses more with 429. In memory, in at most {@code max-tracked} addresses, the least recently
 * used forgotten first. Behind a reverse proxy set {@code server.forward-headers-strategy} so each reader counts by
 * their own address.
 */
@Component
class ReportThrottle {

    private final ReportSettings settings;
    private final Clock clock;
    private final LinkedHashMap<String, ArrayDeque<Instant>> filed = new LinkedHashMap<>(64, 0.75f, true);

    ReportThrottle(ReportSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one report from {@code address}, or refuses it with 429 when the address has filed its share. */
    synchronized void take(String address) {
        Instant now = clock.instant();
        String client = address == null ? "unknown" : address;
        ArrayDeque<Instant> times = filed.get(client);
        if (times == null) {
            if (filed.size() >= settings.maxTracked()) {
                filed.remove(filed.keySet().iterator().next());
            }
            times = new ArrayDeque<>();
            filed.put(client, times);
        }
        Instant since = now.minus(settings.window());
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
        if (times.size() >= settings.maxPerClient()) {
            Duration wait = Duration.between(since, times.peekFirst());
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyReports(wait, "Thank you: we already "
                    + "have " + times.size() + " reports from you this hour. Please try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."));
        }
        times.addLast(now);
    }

    synchronized int tracked() {
        return filed.size();
    }
}
