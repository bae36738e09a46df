package org.factdesk.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import static org.factdesk.benchmark.Bench.Samples;

/**
 * The like-for-like yardstick: the lifecycle FactDesk's client goes through, against a bare engine behind Camunda's
 * own REST API over HTTP ({@link BareRestEngine}), with HTTP Basic on every request: fiona starts the process, farid
 * finds the task among his candidate tasks, claims it and completes it, edith does the same, and the client waits for
 * the asynchronous service task to end the process, polled as often as FactDesk's publication is.
 */
final class RestLifecycles implements AutoCloseable {

    static final String[] STEPS = {"start (POST /process-definition/key/{key}/start)",
            "farid's tasks (GET /task?candidateUser=&processInstanceBusinessKey=)", "claim Task_Verify",
            "complete Task_Verify", "edith's tasks (GET /task?candidateUser=...)", "claim Task_Approve",
            "complete Task_Approve", "until the process ended (async service task), polled every " + Lifecycles.POLL_MS
            + " ms"};

    private static final AtomicLong KEYS = new AtomicLong();

    private final Node node;
    final Map<String, Samples> steps = new LinkedHashMap<>();

    RestLifecycles(java.nio.file.Path dir) {
        node = Node.ofClass("bare-rest", dir, BareRestEngine.class, dir.toAbsolutePath().toString());
        for (String step : STEPS) {
            steps.put(step, new Samples());
        }
    }

    /** CPU milliseconds the server used per lifecycle in the last run, background work included. */
    double cpuMillisPerLifecycle = Double.NaN;

    /** Lifecycles per second with {@code threads} client threads for {@code seconds}; steps are timed if asked. */
    double run(int threads, int seconds, boolean record) throws InterruptedException {
        double cpuBefore = node.cpuSeconds();
        long start = System.nanoTime();
        int done = Lifecycles.runClients(threads, start + seconds * 1_000_000_000L, "REST lifecycle",
                () -> () -> lifecycle(record));
        cpuMillisPerLifecycle = (node.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, done);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private void lifecycle(boolean record) {
        Http http = node.http;
        long key = KEYS.incrementAndGet();
        long[] t = new long[STEPS.length + 1];
        t[0] = System.nanoTime();
        Http.Answer started = http.postJson(Lifecycles.FLAGGER, "/engine-rest/process-definition/key/"
                + BareRestEngine.PROCESS + "/start", Map.of("businessKey", Long.toString(key), "variables", Map.of(
                "claimId", typed(key, "Long"), "articleId", typed(1L, "Long"), "category", typed("TYPO", "String"),
                "severity", typed("LOW", "String"), "flaggedBy", typed(Lifecycles.FLAGGER, "String"))));
        expect(started, 200);
        String instance = started.json().get("id").asText();
        t[1] = System.nanoTime();
        String verify = taskOf(http, Lifecycles.VERIFIER, key);
        t[2] = System.nanoTime();
        expect(http.postJson(Lifecycles.VERIFIER, "/engine-rest/task/" + verify + "/claim",
                Map.of("userId", Lifecycles.VERIFIER)), 204);
        t[3] = System.nanoTime();
        expect(http.postJson(Lifecycles.VERIFIER, "/engine-rest/task/" + verify + "/complete", Map.of("variables",
                Map.of("verdict", typed("ERROR_CONFIRMED", "String"), "notice", typed(
                        "An earlier version of this article misspelled London.", "String"), "verifiedBy",
                        typed(Lifecycles.VERIFIER, "String")))), 204);
        t[4] = System.nanoTime();
        String approve = taskOf(http, Lifecycles.APPROVER, key);
        t[5] = System.nanoTime();
        expect(http.postJson(Lifecycles.APPROVER, "/engine-rest/task/" + approve + "/claim",
                Map.of("userId", Lifecycles.APPROVER)), 204);
        t[6] = System.nanoTime();
        expect(http.postJson(Lifecycles.APPROVER, "/engine-rest/task/" + approve + "/complete", Map.of("variables",
                Map.of("decision", typed("APPROVE", "String"), "approvedBy", typed(Lifecycles.APPROVER,
                        "String")))), 204);
        t[7] = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            Http.Answer running = http.get("audrey", "/engine-rest/process-instance/" + instance);
            if (running.status() == 404) {
                break;
            }
            expect(running, 200);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("process " + instance + " still running after 2 minutes");
            }
            Node.sleep(Lifecycles.POLL_MS);
        }
        t[8] = System.nanoTime();
        if (record) {
            synchronized (steps) {
                for (int i = 0; i < STEPS.length; i++) {
                    steps.get(STEPS[i]).addNanos(t[i + 1] - t[i]);
                }
            }
        }
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static String taskOf(Http http, String user, long key) {
        Http.Answer tasks = http.get(user, "/engine-rest/task?candidateUser=" + user + "&processInstanceBusinessKey="
                + key);
        expect(tasks, 200);
        for (JsonNode task : tasks.json()) {
            return task.get("id").asText();
        }
        throw new IllegalStateException("no task of process " + key + " among " + user + "'s candidate tasks");
    }

    private static void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    String stepTable() {
        StringBuilder out = new StringBuilder("   per step (median / p95 over the measured lifecycles):");
        steps.forEach((step, s) -> out.append(String.format("%n      %-62s %s", step, s)));
        return out.toString();
    }

    @Override
    public void close() {
        node.stop();
    }
}
