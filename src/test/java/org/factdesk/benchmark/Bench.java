package org.factdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Settings, figures and the printed report of the scale benchmark. Every setting is a system property with a default
 * sized so the whole run stays well under half an hour on two shared cores; {@code -Dscale.quick=true} shrinks them
 * all for a smoke run.
 */
final class Bench {

    static final boolean QUICK = Boolean.getBoolean("scale.quick");

    /** Open claims at which the queue is measured. */
    static final List<Integer> QUEUE_SIZES = ints("scale.queue.sizes", QUICK ? "200,1000,3000" : "1000,10000,100000");
    /** Open claims seeded on PostgreSQL for its query plans and timings. */
    static final int PG_QUEUE_SIZE = Integer.getInteger("scale.pg.queue.size", QUICK ? 2000 : 100_000);
    /** Audit entries at which the audit log is measured. */
    static final List<Integer> AUDIT_SIZES = ints("scale.audit.sizes", QUICK ? "2000,20000" : "10000,1000000");
    /** Seconds each lifecycle run lasts (per thread count and database). */
    static final int LIFECYCLE_SECONDS = Integer.getInteger("scale.lifecycle.seconds", QUICK ? 8 : 20);
    /** How many times an HTTP read is repeated at one size, at most, and for how long in all. */
    static final int REQUESTS = Integer.getInteger("scale.requests", QUICK ? 5 : 20);
    static final int REQUEST_BUDGET_SECONDS = Integer.getInteger("scale.request.budget", QUICK ? 20 : 45);
    /** One HTTP request gives up after this long; at 100k claims the unpaged queue may not answer at all. */
    static final int REQUEST_TIMEOUT_SECONDS = Integer.getInteger("scale.request.timeout", QUICK ? 30 : 90);
    /** Which parts run: startup, queue, audit, lifecycle, pages, postgres, scan. */
    static final List<String> SECTIONS = Arrays.asList(System.getProperty("scale.sections",
            "startup,queue,audit,lifecycle,pages,postgres,scan").split(","));

    /** FactDesk's own H2 URL options (application.yml), for its nodes and for the bare engine alike. */
    static final String H2_OPTIONS = "DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;QUERY_CACHE_SIZE=256;OPTIMIZE_REUSE_RESULTS=0";

    static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    static final Path OUT = PROJECT.resolve("target/scale-benchmark");

    private static final List<String> REPORT = Collections.synchronizedList(new ArrayList<>());

    private Bench() {
    }

    static boolean runs(String section) {
        return SECTIONS.contains(section);
    }

    private static List<Integer> ints(String property, String fallback) {
        return Arrays.stream(System.getProperty(property, fallback).split(",")).map(String::strip)
                .map(Integer::parseInt).toList();
    }

    /** Prints one line of the report now and keeps it for the summary file. */
    static void say(String format, Object... args) {
        String line = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println("[scale] " + line);
        REPORT.add(line);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("report.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void heading(String title) {
        say("");
        say("== " + title + " ==");
    }

    static List<String> report() {
        return List.copyOf(REPORT);
    }

    static Path dir(String name) {
        Path dir = OUT.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Milliseconds as a short human figure. */
    static String ms(double millis) {
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String bytes(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
        if (bytes >= 1 << 10) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0);
        }
        return bytes + " B";
    }

    /** Latencies in milliseconds with their median and 95th percentile (nearest rank). */
    static final class Samples {
        private final List<Double> millis = new ArrayList<>();

        void add(double ms) {
            millis.add(ms);
        }

        void addNanos(long nanos) {
            millis.add(nanos / 1e6);
        }

        int size() {
            return millis.size();
        }

        double percentile(double p) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        double p50() {
            return percentile(50);
        }

        double p95() {
            return percentile(95);
        }

        @Override
        public String toString() {
            return millis.isEmpty() ? "no samples"
                    : "p50 " + ms(p50()) + " / p95 " + ms(p95()) + " (n=" + millis.size() + ")";
        }
    }

    interface Timed {
        void run() throws Exception;
    }

    /** Runs {@code what} {@code times} times (after {@code warmup} unmeasured runs), or until the budget is spent. */
    static Samples repeat(int warmup, int times, int budgetSeconds, Timed what) {
        try {
            for (int i = 0; i < warmup; i++) {
                what.run();
            }
            Samples samples = new Samples();
            long end = System.nanoTime() + budgetSeconds * 1_000_000_000L;
            for (int i = 0; i < times && (i < 3 || System.nanoTime() < end); i++) {
                long t0 = System.nanoTime();
                what.run();
                samples.addNanos(System.nanoTime() - t0);
            }
            return samples;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
