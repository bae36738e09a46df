package org.factdesk.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.factdesk.benchmark.Bench.Samples;
import static org.factdesk.benchmark.Bench.ms;
import static org.factdesk.benchmark.Bench.say;

/**
 * Every staff and public page a desk uses, at 10,000 open claims (seeded as {@link QueueBench} seeds them), over HTTP
 * from a FactDesk started from the jar, each person signed in through the sign-in form with a session cookie as a
 * browser is: p50 and p95 after warm-up, beside the 300 ms a page should load in. A page over it is profiled under
 * JFR and the profile printed.
 */
final class PagesBench {

    /** The time a page should load in, at this size. */
    static final double TARGET_MS = 300;
    /** Open claims the pages are measured at. */
    static final int SIZE = Integer.getInteger("scale.pages.size", Bench.QUICK ? 1000 : 10_000);
    private static final int WARMUP = 3;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** One page to time: its label, who reads it (null: a reader, signed out) and its path. */
    record Target(String label, String user, String path) {
    }

    /** A page's figures. */
    record Result(Target target, int status, long bytes, Samples samples) {

        boolean over() {
            return samples.size() > 0 && samples.p95() > TARGET_MS;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    static void run() throws Exception {
        new PagesBench().runH2();
    }

    private void runH2() throws Exception {
        Bench.heading(String.format(Locale.ROOT, "Pages at %,d open claims on H2: each page over HTTP, signed in",
                SIZE));
        Path data = Bench.dir("pages-h2");
        try (InProcessFactDesk desk = InProcessFactDesk.h2(data)) {
            seed(desk);
        }
        Node node = Node.h2("pages-h2", data, List.of());
        try {
            List<Target> targets = fixtures(node);
            List<Result> results = new ArrayList<>();
            for (Target target : targets) {
                results.add(measure(node, target));
            }
            table(results);
            for (Result result : results) {
                if (result.over()) {
                    profile(node, result.target());
                }
            }
        } finally {
            node.stop();
        }
    }

    /** Open claims on one seed article, as {@link QueueBench} seeds them: some flagged for real, the rest copied. */
    private static void seed(InProcessFactDesk desk) {
        int flagged = Math.min(SIZE, QueueBench.TEMPLATE);
        long t0 = System.nanoTime();
        desk.flag(flagged, "farid");
        desk.hold(QueueBench.USER, 20);
        desk.hold("farid", 20);
        if (desk.openVerifyTasks() < SIZE) {
            desk.cloneTo(SIZE);
        }
        say("[pages] seeded %,d open Verify claim tasks in %.1f s", desk.openVerifyTasks(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * What the pages show beside the seeded claims, made through the API as the desk makes it: an article with few
     * claims, one of them verified (an Approve correction task for an editor) and one published (a revision, a
     * notice, a whole timeline).
     */
    private List<Target> fixtures(Node node) {
        Http api = node.http;
        JsonNode held = api.get(QueueBench.USER, "/api/tasks?tab=mine&size=1").json();
        String verifyTask = held.get(0).get("id").asText();
        long many = held.get(0).get("articleId").asLong();

        String text = "Benchmark desk\nFerry sails from Dovr " + UUID.randomUUID() + "\n8 January 2020, 09:00\n"
                + "The ferry left Dovr at noon with 40 passengrs on board.\n"
                + "The captain, Ann Smyth, said the crossing took four hours.\n"
                + "Port officials said the harbour would reopen on Tusday.";
        Http.Answer imported = api.postText("edith", "/api/articles", text);
        check(imported, 201, "import");
        long few = imported.json().get("id").asLong();
        long toApprove = flag(api, few, "Dovr", "NAME", "Dover");
        long published = flag(api, few, "passengrs", "TYPO", "passengers");
        flag(api, few, "Tusday", "TYPO", "Tuesday");
        work(api, "farid", toApprove, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Dover."));
        work(api, "farid", published, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled passengers."));
        work(api, "edith", published, Map.of("decision", "APPROVE"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"PUBLISHED".equals(api.get("audrey", "/api/claims/" + published).json().path("state").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("claim " + published + " was not published within a minute");
            }
            Node.sleep(200);
        }
        String approveTask = taskOf(api, "edith", toApprove);

        return List.of(
                new Target("/tasks (all)", QueueBench.USER, "/tasks"),
                new Target("/tasks mine", QueueBench.USER, "/tasks?tab=mine"),
                new Target("/tasks unassigned, names", QueueBench.USER, "/tasks?tab=unassigned&category=name"),
                new Target("Verify claim task", QueueBench.USER, "/tasks/" + verifyTask),
                new Target("Approve correction task", "edith", "/tasks/" + approveTask),
                new Target("article desk, many claims", QueueBench.USER, "/articles/" + many),
                new Target("article desk, few claims", QueueBench.USER, "/articles/" + few),
                new Target("/audit first page", "audrey", "/audit"),
                new Target("/audit article + open", "audrey", "/audit?article=" + many + "&outcome=OPEN"),
                new Target("/audit/claims/{id}", "audrey", "/audit/claims/" + published),
                new Target("/audit/articles/{id}", "audrey", "/audit/articles/" + few),
                new Target("/public/articles/{id}", null, "/public/articles/" + many),
                new Target("/public/corrections", null, "/public/corrections"));
    }

    private static long flag(Http api, long article, String quote, String category, String replacement) {
        Http.Answer flagged = api.postJson(QueueBench.USER, "/api/articles/" + article + "/claims",
                Map.of("quote", quote, "category", category, "replacement", replacement));
        check(flagged, 201, "flag");
        return flagged.json().get("id").asLong();
    }

    private static void work(Http api, String user, long claim, Map<String, Object> form) {
        String task = taskOf(api, user, claim);
        check(api.postJson(user, "/api/tasks/" + task + "/claim", null), 200, "claim task");
        check(api.postJson(user, "/api/tasks/" + task + "/complete", form), 204, "complete task");
    }

    private static String taskOf(Http api, String user, long claim) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode tasks = api.get(user, "/api/tasks?claim=" + claim).json();
            if (!tasks.isEmpty()) {
                return tasks.get(0).get("id").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no task of claim " + claim + " for " + user);
            }
            Node.sleep(100);
        }
    }

    private static void check(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": " + answer.status() + " " + answer.body());
        }
    }

    private Result measure(Node node, Target target) {
        Session session = session(node, target.user());
        Session.Answer first = session.get(target.path());
        for (int i = 1; i < WARMUP; i++) {
            session.get(target.path());
        }
        Samples samples = new Samples();
        long end = System.nanoTime() + Bench.REQUEST_BUDGET_SECONDS * 1_000_000_000L;
        for (int i = 0; i < Bench.REQUESTS * 2 && (i < 5 || System.nanoTime() < end); i++) {
            samples.add(session.get(target.path()).millis());
        }
        Result result = new Result(target, first.status(), first.bytes(), samples);
        say("[pages] %-28s %s (status %d, %s)", target.label(), samples, first.status(), Bench.bytes(first.bytes()));
        return result;
    }

    private static void table(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "[pages] at %,d open claims, %d warm-up requests, then up to %d:%n", SIZE, WARMUP, Bench.REQUESTS * 2));
        out.append(String.format(Locale.ROOT, "      %-28s %-8s %6s %9s %9s %4s %7s  %s%n", "page", "as", "status",
                "p50", "p95", "n", "target", "p95 within"));
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "      %-28s %-8s %6d %9s %9s %4d %7s  %s%n", r.target().label(),
                    r.target().user() == null ? "reader" : r.target().user(), r.status(), ms(r.samples().p50()),
                    ms(r.samples().p95()), r.samples().size(), ms(TARGET_MS), r.over() ? "OVER" : "yes"));
        }
        say(out.toString().stripTrailing());
    }

    /** The page requested for a while under JFR, its CPU samples summarised. */
    private void profile(Node node, Target target) throws IOException {
        Path recording = Bench.OUT.resolve("pages-" + target.label().replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        Session session = session(node, target.user());
        node.jcmd("JFR.start", "name=pages", "settings=profile");
        long end = System.nanoTime() + 15_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end && n < 200) {
            session.get(target.path());
            n++;
        }
        node.jcmd("JFR.dump", "name=pages", "filename=" + recording.toAbsolutePath());
        node.jcmd("JFR.stop", "name=pages");
        Profile.summarise(recording, Profile.LIFECYCLE, "[pages] " + target.label() + " over " + n + " requests", 20);
    }

    private Session session(Node node, String user) {
        return sessions.computeIfAbsent(user == null ? "" : user, u -> new Session(node.port, user));
    }

    /** One browser's cookies: signed in through the form as a person, or a reader with no account. */
    static final class Session {

        record Answer(int status, long bytes, long nanos) {
            double millis() {
                return nanos / 1e6;
            }
        }

        private final String base;
        private final HttpClient client;

        Session(int port, String user) {
            this.base = "http://localhost:" + port;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            if (user != null) {
                signIn(user);
            }
        }

        private void signIn(String user) {
            String login = text(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
            Matcher csrf = CSRF.matcher(login);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + encode(user) + "&password=demo&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in as " + user + " failed: " + signedIn.statusCode() + " "
                        + location);
            }
        }

        /** The page, read whole (its bytes counted, not kept), timed from request to last byte. */
        Answer get(String path) {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> r = send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(Bench.REQUEST_TIMEOUT_SECONDS)).GET(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = r.body()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    n += read;
                }
            } catch (IOException e) {
                throw new IllegalStateException(path + ": " + e, e);
            }
            return new Answer(r.statusCode(), n, System.nanoTime() - t0);
        }

        private String text(HttpRequest.Builder request) {
            return send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
            try {
                return client.send(request.build(), body);
            } catch (IOException e) {
                throw new IllegalStateException(request.build().uri() + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
