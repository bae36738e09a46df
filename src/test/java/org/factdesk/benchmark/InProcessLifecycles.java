package org.factdesk.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.camunda.bpm.engine.IdentityService;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.FlagRequest;
import org.factdesk.identity.Groups;
import org.factdesk.review.CompleteTaskRequest;
import org.factdesk.review.QueueParameters;
import org.factdesk.review.ReviewTask;
import org.factdesk.review.ReviewTaskService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.factdesk.benchmark.Bench.Samples;

/**
 * The third yardstick: FactDesk's own lifecycle in the benchmark's JVM, with no HTTP and no password check. Each step
 * calls the feature service its API controller calls (flag, the queue, claim, complete with the form), signed in as
 * the API's security filters would leave it (Spring Security's context with the person's roles, and the engine told
 * the user and groups), with the job executor on, waiting for PUBLISHED. Against the bare engine in-process it says
 * what FactDesk's own work per step costs; against the HTTP figures, what HTTP and security add.
 */
final class InProcessLifecycles implements AutoCloseable {

    static final String[] STEPS = {"flag (ClaimService.flag)", "farid's queue (ReviewTaskService.queue)",
            "claim Verify claim", "complete Verify claim", "edith's queue", "claim Approve correction",
            "complete Approve correction", "until PUBLISHED (job executor), polled every " + Lifecycles.POLL_MS + " ms"};

    private final InProcessFactDesk factDesk;
    private final ClaimService claims;
    private final ReviewTaskService reviewTasks;
    private final IdentityService identity;
    private final Map<String, SecurityContext> signedIn = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Article> articles = new ConcurrentLinkedQueue<>();

    /** An article with typos nobody has flagged yet; one client thread at a time works on it. */
    private record Article(long id, Deque<String> quotes) {
    }

    final Map<String, Samples> steps = new LinkedHashMap<>();
    private int codes = 100_000;

    private InProcessLifecycles(InProcessFactDesk factDesk) {
        this.factDesk = factDesk;
        this.claims = factDesk.context.getBean(ClaimService.class);
        this.reviewTasks = factDesk.context.getBean(ReviewTaskService.class);
        this.identity = factDesk.identity;
        for (String step : STEPS) {
            steps.put(step, new Samples());
        }
    }

    /** FactDesk on an H2 file with its own options, job executor on. */
    static InProcessLifecycles h2(Path dataDir) {
        return new InProcessLifecycles(InProcessFactDesk.h2WithJobs(dataDir));
    }

    /** FactDesk on this PostgreSQL database, job executor on. */
    static InProcessLifecycles postgres(Path dataDir, String url) {
        return new InProcessLifecycles(InProcessFactDesk.postgresWithJobs(dataDir, url));
    }

    /**
     * Imports {@code count} articles as the API's import does, each with typos of its own, and waits until their
     * background scans are over, as the HTTP lifecycle does.
     */
    void importArticles(int count) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Article article = importArticle();
            ids.add(article.id());
            articles.add(article);
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        String in = String.join(",", ids.stream().map(String::valueOf).toList());
        while (System.nanoTime() < deadline && factDesk.jdbc.queryForObject(
                "SELECT COUNT(*) FROM scan_state WHERE article_id IN (" + in + ")", Long.class) < ids.size()) {
            Node.sleep(250);
        }
    }

    /**
     * One article with {@link Lifecycles#QUOTES_PER_ARTICLE} typos of its own, imported as the API's import does. In
     * this JVM a lifecycle is quick enough that the articles prepared beforehand may run out: a client then imports
     * one itself, and its scan runs beside the lifecycles, as a publication's does.
     */
    private Article importArticle() throws IOException {
        if (body == null) {
            List<String> seed = Files.readAllLines(Bench.PROJECT.resolve("seeds/000_2351e39fdcd1b2f7.txt"),
                    StandardCharsets.UTF_8);
            body = String.join("\n", seed.subList(3, seed.size()));
        }
        ArticleService service = factDesk.context.getBean(ArticleService.class);
        return as("edith", () -> {
            Deque<String> quotes = new ArrayDeque<>();
            StringBuilder text = new StringBuilder("Bench desk\nIn-process article " + UUID.randomUUID()
                    + "\n8 January 2020, 09:00\n" + body);
            for (int q = 0; q < Lifecycles.QUOTES_PER_ARTICLE; q++) {
                String code;
                synchronized (this) {
                    code = code(codes++);
                }
                String quote = "Lodnon" + code;
                quotes.add(quote);
                text.append("\nIn dispatch ").append(code).append(" the minister visited ").append(quote)
                        .append(" on Tuesday, officials said.");
            }
            long id = service.importArticle("bench-inproc-" + UUID.randomUUID(), text.toString(), "edith").id();
            return new Article(id, quotes);
        });
    }

    private String body;

    private static String code(int n) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            code.append((char) ('a' + n % 26));
            n /= 26;
        }
        return code.toString();
    }

    /** CPU milliseconds this whole JVM used per lifecycle in the last run: FactDesk's work, callers and jobs alike. */
    double cpuMillisPerLifecycle = Double.NaN;

    /** Lifecycles per second with {@code threads} threads for {@code seconds}; steps are timed when asked. */
    double run(int threads, int seconds, boolean record) throws InterruptedException {
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        int done = Lifecycles.runClients(threads, start + seconds * 1_000_000_000L, "inproc", () -> new Lifecycles.Client() {
            private Article article;

            @Override
            public void next() throws IOException {
                if (article == null || article.quotes().isEmpty()) {
                    article = articles.poll();
                    if (article == null) {
                        article = importArticle();
                    }
                }
                lifecycle(article.id(), article.quotes().poll(), record);
            }

            @Override
            public void finish() {
                if (article != null && !article.quotes().isEmpty()) {
                    articles.add(article);
                }
            }
        });
        cpuMillisPerLifecycle = (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, done);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void lifecycle(long article, String quote, boolean record) {
        long[] t = new long[STEPS.length + 1];
        t[0] = System.nanoTime();
        long claim = as(Lifecycles.FLAGGER, () -> claims.flag(article, new FlagRequest(quote, null, null, null, "TYPO",
                "LOW", "London", null), Lifecycles.FLAGGER).id());
        t[1] = System.nanoTime();
        String verify = as(Lifecycles.VERIFIER, () -> taskOf(Lifecycles.VERIFIER, claim));
        t[2] = System.nanoTime();
        as(Lifecycles.VERIFIER, () -> reviewTasks.claim(verify, Lifecycles.VERIFIER));
        t[3] = System.nanoTime();
        as(Lifecycles.VERIFIER, () -> {
            reviewTasks.complete(verify, Lifecycles.VERIFIER, new CompleteTaskRequest("ERROR_CONFIRMED", null,
                    "An earlier version of this article misspelled London.", null, null, null, null, null, null, null,
                    null, null));
            return null;
        });
        t[4] = System.nanoTime();
        String approve = as(Lifecycles.APPROVER, () -> taskOf(Lifecycles.APPROVER, claim));
        t[5] = System.nanoTime();
        as(Lifecycles.APPROVER, () -> reviewTasks.claim(approve, Lifecycles.APPROVER));
        t[6] = System.nanoTime();
        as(Lifecycles.APPROVER, () -> {
            reviewTasks.complete(approve, Lifecycles.APPROVER, new CompleteTaskRequest(null, null, null, null,
                    "APPROVE", null, null, null, null, null, null, null));
            return null;
        });
        t[7] = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            ClaimState state = as("audrey", () -> claims.get(claim).state());
            if (state == ClaimState.PUBLISHED) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("claim " + claim + " still " + state + " after 2 minutes");
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

    private String taskOf(String user, long claim) {
        QueueParameters parameters = new QueueParameters(null, null, claim, null, null, null, null, null, null, null,
                null);
        for (ReviewTask task : reviewTasks.queue(user, parameters.toQuery()).tasks()) {
            if (task.claimId() != null && task.claimId() == claim) {
                return task.id();
            }
        }
        throw new IllegalStateException("no task of claim " + claim + " in " + user + "'s queue");
    }

    /**
     * Runs {@code call} signed in as {@code user}, as the API's filters leave a request: Spring Security's context
     * with the roles of the person's groups (read once: the password check and group look-up are HTTP's share), and
     * the engine told the user and the groups.
     */
    private <T> T as(String user, java.util.concurrent.Callable<T> call) {
        List<String> groups = groupsOf.computeIfAbsent(user, factDesk::groupsOf);
        SecurityContext context = signedIn.computeIfAbsent(user, u -> {
            SecurityContext c = SecurityContextHolder.createEmptyContext();
            c.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(u, null, groups.stream()
                    .map(g -> new SimpleGrantedAuthority("ROLE_" + Groups.role(g))).toList()));
            return c;
        });
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        identity.setAuthentication(user, groups);
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            identity.clearAuthentication();
            SecurityContextHolder.setContext(previous);
        }
    }

    String stepTable() {
        StringBuilder out = new StringBuilder("   per step (median / p95 over the measured lifecycles):");
        steps.forEach((step, s) -> out.append(String.format("%n      %-62s %s", step, s)));
        return out.toString();
    }

    @Override
    public void close() {
        factDesk.close();
    }
}
