package org.factdesk.crash;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * FactDesk running as a separate JVM, as it runs in production, so that it can be killed with SIGKILL and started
 * again on the same data directory or database. Its output goes to a log file; every child still alive when the test
 * JVM ends is killed by a shutdown hook, so a failed test leaves no FactDesk behind.
 */
final class FactDeskProcess {

    /** The exit value of a process killed by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Integer> USED_PORTS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "kill-factdesk-children"));
    }

    /**
     * JVM flags that only make start-up cheaper (C1 only, serial GC, smaller stacks); none changes what FactDesk
     * does.
     */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xss512k", "-Xmx768m", "-XX:-UsePerfData", "-Djava.awt.headless=true");

    /** Where and how a child runs: one data directory and one log file for all its starts. */
    record Setup(String name, Path dataDir, Path logFile, Map<String, String> environment, List<String> arguments) {

        static Setup h2(String name, Path dataDir, Path logFile, List<String> arguments) {
            return new Setup(name, dataDir, logFile, Map.of(), arguments);
        }

        static Setup postgres(String name, Path dataDir, Path logFile, String url, String user, String password,
                List<String> arguments) {
            return new Setup(name, dataDir, logFile, Map.of("SPRING_PROFILES_ACTIVE", "postgres",
                    "FACTDESK_DB_URL", url, "FACTDESK_DB_USER", user, "FACTDESK_DB_PASSWORD", password), arguments);
        }
    }

    private final Setup setup;
    private final Process process;
    private final int port;
    private final Instant launched;
    private Duration startup;

    private FactDeskProcess(Setup setup, Process process, int port, Instant launched) {
        this.setup = setup;
        this.process = process;
        this.port = port;
        this.launched = launched;
    }

    /** Launches a child on a port no earlier child used and waits until its health is UP. */
    static FactDeskProcess start(Setup setup, Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FAST_START);
        command.add("-cp");
        command.add(applicationClassPath());
        command.add("org.factdesk.FactDeskApplication");
        command.addAll(setup.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(setup.logFile().toFile()));
        Map<String, String> environment = builder.environment();
        // Nothing from the test JVM's environment decides which database or profile the child uses.
        environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("FACTDESK_"));
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("FACTDESK_DATA_DIR", setup.dataDir().toAbsolutePath().toString());
        environment.putAll(setup.environment());
        Instant launched = Instant.now();
        try {
            Files.createDirectories(setup.dataDir());
            Files.writeString(setup.logFile(), "%n===== %s: start on port %d at %s =====%n"
                    .formatted(setup.name(), port, launched), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = builder.start();
            LIVE.add(process);
            FactDeskProcess child = new FactDeskProcess(setup, process, port, launched);
            child.awaitHealthy(timeout);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start FactDesk (" + setup.name() + ")", e);
        }
    }

    /**
     * The test JVM's class path (under surefire, the test class path, which holds the application and its
     * dependencies) without the test classes, so the child is FactDesk as it ships.
     */
    private static String applicationClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes")
                        && !entry.replace('\\', '/').endsWith("/test-classes/"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (USED_PORTS.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port");
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(setup.name() + ": FactDesk exited with " + process.exitValue()
                        + " while starting\n" + logTail(80));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    startup = Duration.between(launched, Instant.now());
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            sleep(100);
        }
        kill();
        throw new AssertionError(setup.name() + ": FactDesk was not UP within " + timeout + "\n" + logTail(80));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** How long it took from launching the JVM until health said UP. */
    Duration startup() {
        return startup;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child with SIGKILL (no shutdown hooks, no flush) and returns its exit value. */
    int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(setup.name() + ": FactDesk " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            LIVE.remove(process);
        }
        return process.exitValue();
    }

    /** The last lines of the child's log (all its starts share one file). */
    String logTail(int lines) {
        return tail(setup.logFile(), lines);
    }

    static String tail(Path logFile, int lines) {
        try {
            // Stack frames crowd out what happened; the exception lines stay.
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t... ")).toList();
            return "----- last " + Math.min(lines, all.size()) + " lines of " + logFile + " -----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ": " + e + ")";
        }
    }

    /** Kills every child this test JVM started that is still running. */
    static void killAll() {
        for (Process process : new HashSet<>(LIVE)) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(process);
        }
    }


    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
