package org.factdesk.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import static org.factdesk.benchmark.Bench.Samples;

/**
 * Whole lifecycles through FactDesk's API over HTTP, as a newsroom works: fiona flags a typo, farid finds it in his
 * queue, claims it and confirms it, edith finds it in hers, claims it and approves it, and the correction is
 * published in the background. Each client thread works on articles of its own (corrections to one article queue on
 * its row by design), imported beforehand so that their import scans are over before the clock starts.
 */
final class Lifecycles {

    static final String FLAGGER = "fiona";
    static final String VERIFIER = "farid";
    static final String APPROVER = "edith";
    static final int QUOTES_PER_ARTICLE = 30;

    /**
     * How often the client asks whether a claim is PUBLISHED, in milliseconds ({@code scale.poll.ms}, default 5): at
     * 25 ms the wait's granularity was most of the last step's time.
     */
    static final int POLL_MS = Integer.getInteger("scale.poll.ms", 5);

    private static final AtomicInteger CODES = new AtomicInteger();
    static final String[] STEPS = {"flag (POST /api/articles/{id}/claims)", "farid's queue (GET /api/tasks?claim=)",
            "claim Verify claim", "complete Verify claim", "edith's queue (GET /api/tasks?claim=)", "claim Approve correction",
            "complete Approve correction", "until PUBLISHED (background job), polled every " + POLL_MS + " ms"};

    /** An article with typos nobody has flagged yet; one client thread at a time works on it. */
    record Article(Node node, long id, Deque<String> quotes) {
    }

    private final List<Node> nodes;
    private final ConcurrentLinkedQueue<Article> articles = new ConcurrentLinkedQueue<>();
    final Map<String, Samples> steps = new LinkedHashMap<>();
    int published;

    Lifecycles(List<Node> nodes) {
        this.nodes = nodes;
        for (String step : STEPS) {
            steps.put(step, new Samples());
        }
    }

    /** Imports {@code count} articles (spread over the nodes) and waits until every node has scanned its imports. */
    void importArticles(int count) throws IOException {
        List<String> seed = Files.readAllLines(Bench.PROJECT.resolve("seeds/000_2351e39fdcd1b2f7.txt"),
                StandardCharsets.UTF_8);
        String body = String.join("\n", seed.subList(3, seed.size()));
        Map<Node, Long> expected = new LinkedHashMap<>();
        for (Node node : nodes) {
            expected.put(node, node.logLines("Scanned article") + node.logLines("Could not scan")
                    + node.logLines("stopped:"));
        }
        for (int i = 0; i < count; i++) {
            Node node = nodes.get(i % nodes.size());
            Deque<String> quotes = new ArrayDeque<>();
            StringBuilder text = new StringBuilder("Bench desk\nBenchmark article " + UUID.randomUUID()
                    + "\n8 January 2020, 09:00\n" + body);
            for (int q = 0; q < QUOTES_PER_ARTICLE; q++) {
                String code = code(CODES.getAndIncrement());
                String quote = "Lodnon" + code;
                quotes.add(quote);
                text.append("\nIn dispatch ").append(code).append(" the minister visited ").append(quote)
                        .append(" on Tuesday, officials said.");
            }
            Http.Answer answer = node.http.postText("edith", "/api/articles", text.toString());
            if (answer.status() != 201) {
                throw new IllegalStateException("import failed: " + answer.status() + " " + answer.body());
            }
            articles.add(new Article(node, answer.json().get("id").asLong(), quotes));
            expected.merge(node, 1L, Long::sum);
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        for (Map.Entry<Node, Long> e : expected.entrySet()) {
            while (System.nanoTime() < deadline && e.getKey().logLines("Scanned article") + e.getKey()
                    .logLines("Could not scan") + e.getKey().logLines("stopped:") < e.getValue()) {
                Node.sleep(250);
            }
        }
    }

    private static String code(int n) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            code.append((char) ('a' + n % 26));
            n /= 26;
        }
        return code.toString();
    }

    /** CPU milliseconds the server used per lifecycle in the last run, background work included. */
    double cpuMillisPerLifecycle = Double.NaN;

    private double cpuSeconds() {
        double sum = 0;
        for (Node n : nodes) {
            sum += n.cpuSeconds();
        }
        return sum;
    }

    /** Lifecycles per second with {@code threads} client threads for {@code seconds}; steps are timed too. */
    double run(int threads, int seconds, boolean record) throws InterruptedException {
        double cpuBefore = cpuSeconds();
        long start = System.nanoTime();
        int done = runClients(threads, start + seconds * 1_000_000_000L, "lifecycle", () -> new Client() {
            private Article article;

            @Override
            public void next() {
                if (article == null || article.quotes().isEmpty()) {
                    article = articles.poll();
                    if (article == null) {
                        throw new IllegalStateException("ran out of prepared articles");
                    }
                }
                lifecycle(article, article.quotes().poll(), record);
            }

            @Override
            public void finish() {
                // The article's unflagged typos serve the next run.
                if (article != null && !article.quotes().isEmpty()) {
                    articles.add(article);
                }
            }
        });
        published += done;
        cpuMillisPerLifecycle = (cpuSeconds() - cpuBefore) * 1000 / Math.max(1, done);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** One client thread's work: a lifecycle per {@link #next}, then {@link #finish} when the clock has run out. */
    interface Client {

        void next() throws Exception;

        default void finish() {
        }
    }

    /**
     * Runs {@code threads} clients, each on a thread of its own, until {@code end} (System.nanoTime), and returns how
     * many lifecycles they completed; the first failure stops its thread and is thrown once all have stopped.
     */
    static int runClients(int threads, long end, String name, Supplier<Client> clients) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Client client = clients.get();
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        client.next();
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
                client.finish();
            }, name + "-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a " + name + " failed after " + done.get(), failure.get());
        }
        return done.get();
    }

    private void lifecycle(Article article, String quote, boolean record) {
        Http http = article.node().http;
        long[] t = new long[STEPS.length + 1];
        t[0] = System.nanoTime();
        Http.Answer flagged = http.postJson(FLAGGER, "/api/articles/" + article.id() + "/claims", Map.of(
                "quote", quote, "category", "TYPO", "severity", "LOW", "replacement", "London"));
        expect(flagged, 201);
        long claim = flagged.json().get("id").asLong();
        t[1] = System.nanoTime();
        String verify = taskOf(http, VERIFIER, claim);
        t[2] = System.nanoTime();
        expect(http.postJson(VERIFIER, "/api/tasks/" + verify + "/claim", null), 200);
        t[3] = System.nanoTime();
        expect(http.postJson(VERIFIER, "/api/tasks/" + verify + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled London.")), 204);
        t[4] = System.nanoTime();
        String approve = taskOf(http, APPROVER, claim);
        t[5] = System.nanoTime();
        expect(http.postJson(APPROVER, "/api/tasks/" + approve + "/claim", null), 200);
        t[6] = System.nanoTime();
        expect(http.postJson(APPROVER, "/api/tasks/" + approve + "/complete", Map.of("decision", "APPROVE")), 204);
        t[7] = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String state = http.get("audrey", "/api/claims/" + claim).json().get("state").asText();
            if ("PUBLISHED".equals(state)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("claim " + claim + " still " + state + " after 2 minutes");
            }
            Node.sleep(POLL_MS);
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

    private static String taskOf(Http http, String user, long claim) {
        Http.Answer queue = http.get(user, "/api/tasks?claim=" + claim);
        expect(queue, 200);
        for (JsonNode task : queue.json()) {
            if (task.get("claimId").asLong() == claim) {
                return task.get("id").asText();
            }
        }
        throw new IllegalStateException("no task of claim " + claim + " in " + user + "'s queue");
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
}
