package org.factdesk.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.TestApi;

/**
 * Chained crash rounds on one database. Each round imports an article, flags, verifies and then approves 20 claims
 * at once, and kills FactDesk with SIGKILL shortly after (or during) the approvals; the next start checks what the
 * round left: every approval that was answered 2xx is there, every approved claim is published exactly once, nothing
 * is stuck, and the audit chain is valid.
 */
final class CrashRounds {

    static final int CLAIMS = 20;
    private static final String[] VERIFIERS = {"fiona", "farid"};
    private static final String[] APPROVERS = {"edith", "elliot"};
    private static final String FLAGGER = "fiona";
    private static final String AUDITOR = "audrey";

    private final FactDeskProcess.Setup setup;
    private final Random random;
    private final Duration startTimeout;
    private final Duration settleTimeout;
    private final Figures figures = new Figures();
    private final List<String> failures = new ArrayList<>();
    private FactDeskProcess node;

    CrashRounds(FactDeskProcess.Setup setup, long seed, Duration startTimeout, Duration settleTimeout) {
        this.setup = setup;
        this.random = new Random(seed);
        this.startTimeout = startTimeout;
        this.settleTimeout = settleTimeout;
    }

    /** What one round did before the kill. */
    record Round(int number, long articleId, List<Long> claims, Map<Long, String> tasks, Map<Long, String> approvers,
            Map<Long, Integer> answers, Set<Long> inFlightAtKill, long killDelayMillis, int killAfterAnswers) {

        boolean acknowledged(long claim) {
            Integer status = answers.get(claim);
            return status != null && status >= 200 && status < 300;
        }
    }

    /** The numbers a run reports. */
    static final class Figures {
        int rounds;
        int starts;
        int approvalsSent;
        int acknowledged;
        int refused;
        int inFlightAtKill;
        int acknowledgedFound;
        int unacknowledgedApplied;
        int published;
        int duplicates;
        int stuck;
        final List<Long> startupMillis = new ArrayList<>();
        final List<Long> settleMillis = new ArrayList<>();
        final List<Long> roundMillis = new ArrayList<>();

        String summary(String database) {
            return ("%s: %d rounds, %d starts; approvals sent %d, answered 2xx %d, refused %d, in flight at the kill %d; "
                    + "after restart: acknowledged found %d/%d, unacknowledged applied %d, published %d, duplicates %d, "
                    + "left publishing %d; time to publish all after restart ms %s (max %d; negative: gave up then); "
                    + "start-up ms %s "
                    + "(mean %d); round ms %s").formatted(database, rounds, starts, approvalsSent, acknowledged,
                    refused, inFlightAtKill, acknowledgedFound, acknowledged, unacknowledgedApplied, published,
                    duplicates, stuck, settleMillis, settleMillis.stream().mapToLong(Math::abs).max().orElse(0),
                    startupMillis, (long) startupMillis.stream().mapToLong(Long::longValue).average().orElse(0),
                    roundMillis);
        }
    }

    Figures figures() {
        return figures;
    }

    List<String> failures() {
        return failures;
    }

    /**
     * Plays the rounds: start, then for each round play it and kill, restart and check. Stops early when a round's
     * publications do not settle in time, since every later round would only wait as long again.
     */
    void run(int rounds) {
        node = start();
        for (int number = 1; number <= rounds; number++) {
            long began = System.nanoTime();
            Round round = play(number);
            node = start();
            boolean settled = check(round);
            figures.rounds++;
            figures.roundMillis.add((System.nanoTime() - began) / 1_000_000);
            if (!settled) {
                failures.add("stopped after round " + number + ": its publications did not settle within "
                        + settleTimeout);
                break;
            }
        }
        stop();
    }

    void stop() {
        if (node != null && node.isAlive()) {
            node.kill();
        }
    }

    String logTail(int lines) {
        return FactDeskProcess.tail(setup.logFile(), lines);
    }

    private FactDeskProcess start() {
        FactDeskProcess started = FactDeskProcess.start(setup, startTimeout);
        figures.starts++;
        figures.startupMillis.add(started.startup().toMillis());
        return started;
    }

    private Round play(int number) {
        TestApi api = new TestApi(node.port());
        CrashArticle article = CrashArticle.generate(random, number, CLAIMS);
        TestApi.Answer imported = api.postText("edith", "/api/articles", article.text());
        require(imported.status() == 201, "import failed: " + imported);
        long articleId = imported.json().get("id").asLong();

        List<Long> claims = new ArrayList<>();
        for (CrashArticle.Misspelling misspelling : article.misspellings()) {
            claims.add(api.flag(FLAGGER, articleId, Map.of("quote", misspelling.quote(),
                    "category", claims.size() % 2 == 0 ? "TYPO" : "NAME", "replacement", misspelling.replacement(),
                    "note", "Misspelled place name.")));
        }
        for (int i = 0; i < claims.size(); i++) {
            CrashArticle.Misspelling misspelling = article.misspellings().get(i);
            Map<String, Object> form = new HashMap<>();
            if (i % 5 == 4) {
                form.put("verdict", "CLARIFICATION_NEEDED");
                form.put("notice", "This article has been updated to say which " + misspelling.replacement()
                        + " is meant.");
            } else {
                form.put("verdict", "ERROR_CONFIRMED");
                form.put("replacement", misspelling.replacement());
                form.put("notice", "An earlier version of this article misspelled " + misspelling.replacement()
                        + ".");
            }
            api.work(VERIFIERS[i % 2], claims.get(i), form);
        }

        Map<Long, String> tasks = approveTasks(api, claims);
        Map<Long, String> approvers = new LinkedHashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            approvers.put(claims.get(i), APPROVERS[(i / 2) % 2]);
        }

        // Most rounds kill 0-200 ms after the last answer; some kill while approvals are still being answered.
        boolean duringApprovals = random.nextInt(10) < 3;
        int killAfterAnswers = duringApprovals ? 1 + random.nextInt(CLAIMS - 1) : CLAIMS;
        long killDelay = duringApprovals ? random.nextInt(30) : random.nextInt(201);

        Map<Long, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch answered = new CountDownLatch(killAfterAnswers);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMS);
        Set<Long> inFlight;
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (long claim : claims) {
                calls.add(pool.submit(() -> {
                    go.await();
                    sent.incrementAndGet();
                    try {
                        TestApi.Answer answer = api.post(approvers.get(claim), "/api/tasks/" + tasks.get(claim)
                                + "/complete", Map.of("decision", "APPROVE"));
                        answers.put(claim, answer.status());
                    } catch (AssertionError noAnswer) {
                        // The connection died with the process: no answer.
                    } finally {
                        answered.countDown();
                    }
                    return null;
                }));
            }
            go.countDown();
            if (!answered.await(60, TimeUnit.SECONDS)) {
                failures.add("round " + number + ": approvals were not answered within 60 s");
            }
            FactDeskProcess.sleep(killDelay);
            inFlight = new HashSet<>(claims);
            inFlight.removeAll(answers.keySet());
            int exit = node.kill();
            require(exit == FactDeskProcess.SIGKILL_EXIT, "FactDesk exited with " + exit + ", not by SIGKILL");
            for (Future<?> call : calls) {
                call.get(90, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("round " + number + ": approvals failed", e);
        } finally {
            pool.shutdownNow();
        }

        Round round = new Round(number, articleId, claims, tasks, approvers, Map.copyOf(answers), inFlight,
                killDelay, killAfterAnswers);
        figures.approvalsSent += sent.get();
        figures.inFlightAtKill += inFlight.size();
        for (long claim : claims) {
            if (round.acknowledged(claim)) {
                figures.acknowledged++;
            } else if (answers.containsKey(claim)) {
                figures.refused++;
                failures.add("round " + number + ": approval of claim " + claim + " was answered "
                        + answers.get(claim) + " before the kill");
            }
        }
        return round;
    }

    /** The Approve correction task of each claim, as the editors' queue shows them. */
    private static Map<Long, String> approveTasks(TestApi api, List<Long> claims) {
        Map<Long, String> tasks = new HashMap<>();
        for (JsonNode task : api.queue("edith", "step=Task_ApproveCorrection")) {
            long claim = task.get("claimId").asLong();
            if (claims.contains(claim) && "Task_ApproveCorrection".equals(task.get("taskDefinitionKey").asText())) {
                tasks.put(claim, task.get("id").asText());
            }
        }
        require(tasks.size() == claims.size(), "expected " + claims.size() + " Approve correction tasks, found "
                + tasks.size());
        return tasks;
    }

    /** Checks what a round left behind on the freshly started node; false if its publications never settled. */
    private boolean check(Round round) {
        TestApi api = new TestApi(node.port());
        String prefix = "round " + round.number() + " (kill " + round.killDelayMillis() + " ms after answer "
                + round.killAfterAnswers() + "/" + CLAIMS + "): ";
        long began = System.nanoTime();
        long deadline = began + settleTimeout.toNanos();
        Map<Long, String> states;
        do {
            states = states(api, round.articleId());
            if (!states.containsValue("PUBLISHING")) {
                break;
            }
            FactDeskProcess.sleep(250);
        } while (System.nanoTime() < deadline);
        boolean settled = !states.containsValue("PUBLISHING");
        long settleMillis = (System.nanoTime() - began) / 1_000_000;
        figures.settleMillis.add(settled ? settleMillis : -settleMillis);

        JsonNode article = api.get(AUDITOR, "/api/articles/" + round.articleId()).json();
        Map<Long, Integer> corrections = new HashMap<>();
        for (JsonNode correction : article.get("corrections")) {
            corrections.merge(correction.get("claimId").asLong(), 1, Integer::sum);
        }
        Set<Long> approved = new HashSet<>();
        for (long claim : round.claims()) {
            String approver = round.approvers().get(claim);
            List<JsonNode> history = new ArrayList<>();
            api.get(AUDITOR, "/api/claims/" + claim + "/history").json().forEach(history::add);
            List<String> approvedBy = history.stream().filter(e -> "APPROVED".equals(e.get("action").asText()))
                    .map(e -> e.get("actor").asText()).toList();
            long publishedEntries = history.stream().filter(e -> "PUBLISHED".equals(e.get("action").asText()))
                    .count();
            boolean verdict = history.stream().anyMatch(e -> "VERDICT".equals(e.get("action").asText()));
            int taskStatus = api.get(approver, "/api/tasks/" + round.tasks().get(claim)).status();
            String state = states.get(claim);
            int revisions = corrections.getOrDefault(claim, 0);
            String seen = "claim " + claim + " [answer " + round.answers().get(claim) + ", state " + state
                    + ", approved by " + approvedBy + ", task " + taskStatus + ", revisions " + revisions
                    + ", PUBLISHED entries " + publishedEntries + "]";
            if (!verdict) {
                failures.add(prefix + "verdict lost: " + seen);
            }
            boolean fullyApproved = approvedBy.equals(List.of(approver)) && taskStatus == 404
                    && "PUBLISHED".equals(state) && revisions == 1 && publishedEntries == 1;
            boolean notApproved = approvedBy.isEmpty() && taskStatus == 200 && "AWAITING_APPROVAL".equals(state)
                    && revisions == 0 && publishedEntries == 0;
            if (!approvedBy.isEmpty()) {
                approved.add(claim);
            }
            if (revisions > 1) {
                figures.duplicates += revisions - 1;
            }
            if ("PUBLISHED".equals(state)) {
                figures.published++;
            }
            if ("PUBLISHING".equals(state)) {
                figures.stuck++;
            }
            if (round.acknowledged(claim)) {
                if (!approvedBy.isEmpty() && taskStatus == 404) {
                    figures.acknowledgedFound++;
                }
                if (!fullyApproved) {
                    failures.add(prefix + (approvedBy.isEmpty() ? "acknowledged approval lost: "
                            : "acknowledged approval not published exactly once: ") + seen);
                }
            } else {
                if (fullyApproved) {
                    figures.unacknowledgedApplied++;
                } else if (!notApproved) {
                    failures.add(prefix + "unanswered approval half applied: " + seen);
                }
            }
        }
        if (!corrections.keySet().equals(approved)) {
            failures.add(prefix + "revisions for claims " + corrections.keySet() + ", approved claims " + approved);
        }
        JsonNode incidents = api.get("admin", "/engine-rest/incident/count").json();
        if (incidents.get("count").asLong() != 0) {
            failures.add(prefix + incidents.get("count").asLong() + " Camunda incident(s): "
                    + api.get("admin", "/engine-rest/incident").body());
        }
        JsonNode verification = api.get(AUDITOR, "/api/audit/verify").json();
        if (!verification.get("valid").asBoolean()) {
            failures.add(prefix + "audit chain broken: " + verification);
        }
        return settled;
    }

    private static Map<Long, String> states(TestApi api, long articleId) {
        Map<Long, String> states = new HashMap<>();
        for (JsonNode claim : api.get(AUDITOR, "/api/claims?articleId=" + articleId).json()) {
            states.put(claim.get("id").asLong(), claim.get("state").asText());
        }
        return states;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
