package org.factdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.factdesk.benchmark.Bench.bytes;
import static org.factdesk.benchmark.Bench.say;

/**
 * Start-up of the jar to a healthy {@code /actuator/health} and its resident memory, fresh and on existing data; then
 * one more fresh start with class loading logged and JFR on, to say what the start spends its time on.
 */
final class StartupBench {

    private static final String[][] MILESTONES = {
            {"Starting FactDeskApplication", "Spring starts"},
            {"Tomcat initialized", "Tomcat initialised"},
            {"Root WebApplicationContext: initialization completed", "web context ready"},
            {"HikariPool-1 - Start completed", "database pool open"},
            {"Successfully validated", "Flyway validated"},
            {"Successfully applied", "Flyway applied migrations"},
            {"Schema \"PUBLIC\" is up to date", "Flyway: schema up to date"},
            {"ENGINE-00001", "Camunda engine created"},
            {"Demo users exist", "identity set-up done"},
            {"Imported", "seed imported"},
            {"Tomcat started", "Tomcat listening"},
            {"Started FactDeskApplication", "Spring Boot ready"},
            {"Scanned article", "first background scan finished (LanguageTool)"}};

    private StartupBench() {
    }

    static void run() throws Exception {
        Bench.heading("Start-up of the jar (java -jar, default JVM flags) and resident memory");
        Path data = Bench.dir("startup-h2");
        long launchedWall = System.currentTimeMillis();
        Node fresh = Node.h2("startup-fresh", data, List.of());
        double freshSeconds = fresh.startupSeconds();
        long rssHealthy = fresh.rssBytes();
        waitForScan(fresh);
        Node.sleep(10_000);
        long rssIdle = fresh.rssBytes();
        long heap = fresh.heapAfterGc();
        say("[startup] fresh data dir: healthy after %.1f s; RSS %s at healthy, %s idle (after the seed scan + 10 s); "
                + "heap in use after a full GC %s", freshSeconds, bytes(rssHealthy), bytes(rssIdle), bytes(heap));
        milestones(fresh, launchedWall);
        fresh.stop();

        Node again = Node.h2("startup-restart", data, List.of());
        double restartSeconds = again.startupSeconds();
        Node.sleep(10_000);
        say("[startup] restart on the same data: healthy after %.1f s; RSS %s idle", restartSeconds,
                bytes(again.rssBytes()));
        again.stop();

        // With the flags FactDesk runs with (pom.xml's factdesk.jvm.flags, as spring-boot:run and the README use them).
        List<String> flags = java.util.Arrays.stream(System.getProperty("factdesk.jvm.flags", "").split("\\s+"))
                .filter(flag -> !flag.isBlank()).toList();
        Node tuned = Node.h2("startup-tuned", Bench.dir("startup-tuned"), flags);
        double tunedSeconds = tuned.startupSeconds();
        long tunedHealthy = tuned.rssBytes();
        waitForScan(tuned);
        // G1 hands back memory at its periodic collection, 15 s into a quiet spell.
        Node.sleep(40_000);
        say("[startup] with FactDesk's JVM flags (%s): healthy after %.1f s; RSS %s at healthy, %s idle (after the"
                + " seed scan + 40 s; target < 600 MB)", String.join(" ", flags), tunedSeconds, bytes(tunedHealthy),
                bytes(tuned.rssBytes()));
        tuned.stop();

        // Diagnosis: which classes, and where the CPU goes until healthy.
        Path classes = Bench.OUT.resolve("startup-classes.txt");
        Path jfr = Bench.OUT.resolve("startup.jfr");
        Node probe = Node.h2("startup-probe", Bench.dir("startup-probe"), List.of(
                "-Xlog:class+load=info:file=" + classes.toAbsolutePath(),
                "-XX:StartFlightRecording=name=startup,settings=profile"));
        probe.jcmd("JFR.dump", "name=startup", "filename=" + jfr.toAbsolutePath());
        double probeSeconds = probe.startupSeconds();
        waitForScan(probe);
        probe.stop();
        classLoading(classes);
        say("[startup] probe start (class-load log and JFR on) healthy after %.1f s", probeSeconds);
        Profile.summarise(jfr, Profile.STARTUP, "[startup] CPU until healthy", 20);
    }

    private static void waitForScan(Node node) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (node.logLines("Scanned article") == 0 && System.nanoTime() < deadline) {
            Node.sleep(200);
        }
    }

    /** When the log says each step happened, in seconds after the JVM was launched. */
    private static void milestones(Node node, long launchedWall) throws IOException {
        StringBuilder out = new StringBuilder("[startup] fresh start, from the node's log (seconds after launch):");
        List<String> lines = Files.readAllLines(node.log, StandardCharsets.UTF_8);
        for (String[] milestone : MILESTONES) {
            for (String line : lines) {
                if (line.contains(milestone[0]) && line.length() > 24) {
                    try {
                        Instant at = OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
                        out.append(String.format("%n      %6.1f s  %s", (at.toEpochMilli() - launchedWall) / 1000.0,
                                milestone[1]));
                    } catch (RuntimeException notATimestamp) {
                        continue;
                    }
                    break;
                }
            }
        }
        for (String line : lines) {
            if (line.contains("Started FactDeskApplication in")) {
                out.append("\n      ").append(line.substring(line.indexOf("Started FactDeskApplication")));
                break;
            }
        }
        say(out.toString());
    }

    /** Classes loaded until the node stopped, by where they came from. */
    private static void classLoading(Path log) throws IOException {
        Map<String, Integer> byOrigin = new HashMap<>();
        int total = 0;
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                int source = line.indexOf("source: ");
                if (source < 0) {
                    continue;
                }
                total++;
                String from = line.substring(source + 8);
                String origin;
                int lib = from.indexOf("BOOT-INF/lib/");
                if (lib >= 0) {
                    origin = from.substring(lib + 13).replaceAll("!.*", "").replaceAll("-\\d[\\w.-]*\\.jar$", "");
                } else if (from.contains("BOOT-INF/classes")) {
                    origin = "FactDesk's own classes";
                } else if (from.startsWith("jrt:") || from.contains("shared objects file")) {
                    origin = "JDK";
                } else {
                    origin = from.length() > 40 ? from.substring(0, 40) : from;
                }
                byOrigin.merge(origin, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                "[startup] classes loaded by the probe (start, seed scan, stop): %,d; by jar:", total));
        byOrigin.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(18)
                .forEach(e -> out.append(String.format("%n      %,7d  %s", e.getValue(), e.getKey())));
        say(out.toString());
    }
}
