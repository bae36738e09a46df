package org.factdesk.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * FactDesk as it ships: {@code java -jar target/factdesk-*.jar} in a JVM of its own, with its data directory, port
 * and (for PostgreSQL) database given by environment variables, its output in a log file.
 */
final class Node {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
    }

    final String name;
    final int port;
    final Path log;
    final Http http;
    private final Process process;
    final long launchedNanos;
    long healthyNanos;

    private Node(String name, int port, Path log, Process process, long launchedNanos) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
        this.launchedNanos = launchedNanos;
        this.http = new Http(port);
    }

    static Path jar() {
        try (Stream<Path> files = Files.list(Bench.PROJECT.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("factdesk-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/factdesk-*.jar: run ./mvnw package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts FactDesk on H2 in {@code dataDir}, with FactDesk's own H2 options (which include not handing back a
     * query's last result when nothing seems to have changed since).
     */
    static Node h2(String name, Path dataDir, List<String> jvmFlags, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/factdesk;" + Bench.H2_OPTIONS);
        return start(name, dataDir, Map.of(), jvmFlags, all.toArray(String[]::new));
    }

    /** Starts FactDesk with profile postgres on this JDBC URL. */
    static Node postgres(String name, Path dataDir, String url, List<String> jvmFlags, String... args) {
        return start(name, dataDir, Map.of("SPRING_PROFILES_ACTIVE", "postgres", "FACTDESK_DB_URL", url,
                "FACTDESK_DB_USER", "postgres", "FACTDESK_DB_PASSWORD", "postgres"), jvmFlags, args);
    }

    private static Node start(String name, Path dataDir, Map<String, String> env, List<String> jvmFlags,
            String... args) {
        return start(name, dataDir, env, jvmFlags, List.of("-jar", jar().toString()), args);
    }

    /**
     * Starts {@code mainClass} from the benchmark's own class path in a JVM of its own, as a node is started: a
     * server the benchmark compares FactDesk with ({@link BareRestEngine}).
     */
    static Node ofClass(String name, Path dataDir, Class<?> mainClass, String... args) {
        return start(name, dataDir, Map.of(), List.of("-Dspring.config.name=" + name), List.of("-cp",
                System.getProperty("java.class.path"), mainClass.getName()), args);
    }

    private static Node start(String name, Path dataDir, Map<String, String> env, List<String> jvmFlags,
            List<String> launch, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(launch);
        command.addAll(List.of(args));
        Path log = Bench.OUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("FACTDESK_"));
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("FACTDESK_DATA_DIR", dataDir.toAbsolutePath().toString());
        builder.environment().putAll(env);
        try {
            Files.createDirectories(dataDir);
            long launched = System.nanoTime();
            Process process = builder.start();
            LIVE.add(process);
            Node node = new Node(name, port, log, process, launched);
            node.awaitHealthy(Duration.ofMinutes(4));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (http.healthy()) {
                healthyNanos = System.nanoTime();
                return;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    /** Seconds from launching the JVM until {@code /actuator/health} said UP. */
    double startupSeconds() {
        return (healthyNanos - launchedNanos) / 1e9;
    }

    long pid() {
        return process.pid();
    }

    /**
     * CPU time the node's JVM has used so far (user and system, all its threads), from /proc: what a lifecycle costs
     * the server, a figure that other load on the machine changes far less than the wall-clock rate.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name; in clock ticks.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident memory of the JVM, from /proc. */
    long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use right now (young + old occupancy from jstat), in bytes. */
    long heapUsedBytes() {
        String[] lines = tool("jstat", "-gc", Long.toString(pid())).split("\n");
        return lines.length < 2 ? -1 : heapFrom(lines[0], lines[1]);
    }

    private static long heapFrom(String header, String values) {
        String[] names = header.trim().split("\\s+");
        String[] numbers = values.trim().split("\\s+");
        double kb = 0;
        for (int i = 0; i < names.length && i < numbers.length; i++) {
            if (Set.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kb += Double.parseDouble(numbers[i]);
            }
        }
        return (long) (kb * 1024);
    }

    /** Watches the heap every 100 ms while {@code what} runs and returns the highest figure seen. */
    long peakHeapDuring(Bench.Timed what) throws Exception {
        AtomicLong peak = new AtomicLong(heapUsedBytes());
        Process jstat = new ProcessBuilder(javaTool("jstat"), "-gc", Long.toString(pid()), "100")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String header = null;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.contains("S0C")) {
                        header = line;
                    } else if (header != null && !line.isBlank()) {
                        long used = heapFrom(header, line);
                        peak.accumulateAndGet(used, Math::max);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // jstat ended
            }
        }, "jstat-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            what.run();
            sleep(250);
        } finally {
            jstat.destroy();
            jstat.waitFor(5, TimeUnit.SECONDS);
            reader.join(2000);
        }
        return peak.get();
    }

    /** Runs a full GC in the node and returns the heap still in use afterwards. */
    long heapAfterGc() {
        tool("jcmd", Long.toString(pid()), "GC.run");
        return heapUsedBytes();
    }

    String jcmd(String... args) {
        List<String> all = new ArrayList<>();
        all.add(Long.toString(pid()));
        all.addAll(List.of(args));
        return tool("jcmd", all.toArray(String[]::new));
    }

    static String javaTool(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    static String tool(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaTool(tool));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Lines of the node's log that contain {@code text}. */
    long logLines(String text) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    List<String> logMatching(String regex) {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.matches(regex)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Stops the node as an operator would (SIGTERM), and kills it if it does not end within a minute. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    /** Kills the node at once: after a request that timed out, it may still be busy with it. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LIVE.remove(process);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
