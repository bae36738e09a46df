package org.factdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.factdesk.benchmark.Bench.bytes;
import static org.factdesk.benchmark.Bench.say;

/**
 * The {@code scan} command as a user runs it, {@code java -jar factdesk.jar scan FILE}, one whole process per run:
 * wall time, the CPU it used and its peak resident memory, read from /proc while it runs.
 */
final class ScanCommandBench {

    private static final Path SEED = Bench.PROJECT.resolve("seeds/000_2351e39fdcd1b2f7.txt");

    private ScanCommandBench() {
    }

    static void run() throws Exception {
        Bench.heading("The scan command, one file, a whole process each run (target under 5 s)");
        int runs = Bench.QUICK ? 2 : 6;
        Bench.Samples wall = new Bench.Samples();
        Bench.Samples cpu = new Bench.Samples();
        Bench.Samples peakMegabytes = new Bench.Samples();
        for (int i = 0; i < runs; i++) {
            Measured m = once();
            // The first run reads the jar from disk; the ones after it find it in the page cache, as a user's do.
            if (i > 0 || runs == 1) {
                wall.add(m.wallSeconds);
                cpu.add(m.cpuSeconds);
                peakMegabytes.add(m.peakRssBytes / 1048576.0);
            }
            say("[scan] run %d: %.2f s wall, %.2f s CPU, peak RSS %s, %d suggestions", i + 1, m.wallSeconds,
                    m.cpuSeconds, bytes(m.peakRssBytes), m.lines);
        }
        say("[scan] median of %d runs: %.2f s wall, %.2f s CPU, peak RSS %.0f MB (load average %.1f)", wall.size(),
                wall.p50(), cpu.p50(), peakMegabytes.p50(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private record Measured(double wallSeconds, double cpuSeconds, long peakRssBytes, long lines) {
    }

    private static Measured once() throws IOException, InterruptedException {
        Path out = Files.createTempFile(Bench.OUT, "scan-", ".json");
        List<String> command = List.of(Node.javaTool("java"), "-jar", Node.jar().toString(), "scan",
                SEED.toString());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        long peak = 0;
        double cpu = 0;
        while (process.isAlive()) {
            // The last reading before the process ends misses at most one interval of CPU.
            try {
                peak = Math.max(peak, kilobytes(Files.readString(proc.resolve("status")), "VmHWM:") * 1024);
                cpu = Math.max(cpu, cpuSeconds(Files.readString(proc.resolve("stat"))));
            } catch (IOException | RuntimeException gone) {
                break;
            }
            Thread.sleep(10);
        }
        int code = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        long lines = Files.readAllLines(out, StandardCharsets.UTF_8).size();
        Files.delete(out);
        if (code != 0) {
            throw new IllegalStateException("scan exited with " + code);
        }
        return new Measured(seconds, cpu, peak, lines);
    }

    private static long kilobytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
            }
        }
        return 0;
    }

    /** utime + stime of /proc/PID/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
    private static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }
}
