package org.factdesk.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * FactDesk at newsroom scale, in one run: start-up and memory, the review queue at 1k/10k/100k open claims,
 * the audit log at 10k/1M entries, each page a desk uses at 10k open claims, the whole lifecycle against a bare Camunda engine at 1 and 4 client threads, and
 * the same on PostgreSQL with one and two nodes, and the {@code scan} command as a whole process. Only {@code ./mvnw -Pscale verify} runs it (its name matches none
 * of surefire's default patterns); it prints figures and asserts nothing about time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleBenchmark {

    @BeforeAll
    static void start() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(Bench.OUT.resolve("report.txt"));
        // Node logs are appended to within a run (a node restarted on its data) but not across runs.
        if (java.nio.file.Files.isDirectory(Bench.OUT)) {
            try (var logs = java.nio.file.Files.list(Bench.OUT)) {
                for (java.nio.file.Path log : logs.filter(p -> p.toString().endsWith(".log")).toList()) {
                    java.nio.file.Files.delete(log);
                }
            }
        }
        Bench.dir("plans");
        Bench.say("FactDesk scale benchmark: %s; sections %s; %d cores", Bench.QUICK ? "quick sizes" : "full sizes",
                Bench.SECTIONS, Runtime.getRuntime().availableProcessors());
    }

    @Test
    @Order(1)
    void startup() throws Exception {
        assumeTrue(Bench.runs("startup"));
        StartupBench.run();
    }

    @Test
    @Order(2)
    void queue() {
        assumeTrue(Bench.runs("queue"));
        QueueBench.h2();
    }

    @Test
    @Order(3)
    void audit() throws Exception {
        assumeTrue(Bench.runs("audit"));
        AuditBench.run();
    }

    @Test
    @Order(4)
    void lifecycle() throws Exception {
        assumeTrue(Bench.runs("lifecycle"));
        LifecycleBench.h2();
    }

    @Test
    @Order(5)
    void pages() throws Exception {
        assumeTrue(Bench.runs("pages"));
        PagesBench.run();
    }

    @Test
    @Order(6)
    void postgres() throws Exception {
        assumeTrue(Bench.runs("postgres"));
        PostgresBench.run();
    }

    @Test
    @Order(7)
    void scanCommand() throws Exception {
        assumeTrue(Bench.runs("scan"));
        ScanCommandBench.run();
    }

    @AfterAll
    static void summary() {
        Bench.say("");
        Bench.say("Report in target/scale-benchmark/report.txt; node logs, plans and profiles beside it.");
    }
}
