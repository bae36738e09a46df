package org.factdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factdesk.fuzz.FuzzClient.encode;
import static org.factdesk.fuzz.FuzzClient.json;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends at least 600 generated bad requests (seeded: {@code -Dfactdesk.fuzz.seed=N} repeats a run) to every write
 * endpoint of FactDesk's API and every form of its pages — over-long values, NUL, control characters, lone
 * surrogates, wrong types and shapes, malformed JSON and encodings, wrong content types, multipart without a
 * boundary, empty bodies, huge and negative numbers, {@code %00}, {@code %2F} and {@code ..} in ids, unknown enum
 * values, the wrong person. Every one of them must be refused, so the database must look the same afterwards: no
 * 5xx; every 4xx of the API is problem+json with a FactDesk type (naming the field where a limit was passed); every
 * page answer is an error view, the form again with its problem, or a redirect; no row added to {@code article},
 * {@code article_revision}, {@code claim} or {@code audit_entry}; the audit chain valid; the claims API and the Atom
 * feed still well-formed. Task completion's own limits live in the review listeners and are fuzzed by
 * {@link ReviewLimitsFuzzTest}.
 */
@FactDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputFuzzTest {

    static final long SEED = Long.getLong("factdesk.fuzz.seed", 20_261_203L);
    private static final int CASES = 640;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEGABYTE = "x".repeat(InputLimits.REQUEST_BYTES + 1);
    private static final String[] TABLES = {"article", "article_revision", "claim", "audit_entry"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi api;
    private long article;
    /** Verify claim, held by fiona; Approve correction, held by edith; Verify claim held by farid. */
    private String fionasTask;
    private String edithsTask;
    private String faridsTask;
    private FuzzClient.Session fiona;
    private FuzzClient.Session edith;
    private FuzzClient.Session visitor;

    /** One generated request and what its answer may be. */
    record Case(String endpoint, String kind, String method, String target, String headers, byte[] body, boolean page,
            boolean mustRefuse, String field) {
    }

    /** The answer a case got, kept for the summary. */
    record Outcome(Case sent, RawHttp.Answer answer) {
    }

    @BeforeAll
    void prepare() {
        api = new TestApi(port);
        article = api.importArticle("Rainfall reached 300mm in the valley last week.",
                "The mayor, Jane Smyth, opened the bridge on Tuesday.", "Officials said 4,000 people were moved.");
        long verified = api.flag("edith", article, Map.of("quote", "300mm", "category", "NUMBER",
                "replacement", "30mm"));
        fionasTask = api.taskOf("fiona", verified);
        assertThat(api.post("fiona", "/api/tasks/" + fionasTask + "/claim", null).status()).isEqualTo(200);
        long approved = api.flag("farid", article, Map.of("quote", "Smyth", "category", "NAME", "replacement",
                "Smith"));
        api.work("fiona", approved, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Smith",
                "notice", "An earlier version misspelled the mayor's name."));
        edithsTask = api.taskOf("edith", approved);
        assertThat(api.post("edith", "/api/tasks/" + edithsTask + "/claim", null).status()).isEqualTo(200);
        long held = api.flag("edith", article, Map.of("quote", "Tuesday", "category", "TIME"));
        faridsTask = api.taskOf("farid", held);
        assertThat(api.post("farid", "/api/tasks/" + faridsTask + "/claim", null).status()).isEqualTo(200);
        fiona = FuzzClient.signIn(port, "fiona", "/articles/" + article);
        edith = FuzzClient.signIn(port, "edith", "/articles/" + article);
        visitor = FuzzClient.visitor(port);
    }

    @Test
    void refusesEveryBadRequestCleanlyAndWritesNothing() throws Exception {
        Random random = new Random(SEED);
        System.out.println("BadInputFuzzTest seed " + SEED + " (repeat with -Dfactdesk.fuzz.seed=" + SEED + ")");
        List<Function<Random, Case>> generators = List.of(this::importArticle, this::flagClaim, this::taskAction,
                this::completeTask, this::scan, this::suggestion, this::flagForm, this::suggestionForm,
                this::taskForm, this::verifyForm, this::approveForm, this::signInForm);
        Map<String, Long> before = counts();

        List<Outcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case sent = generators.get(i % generators.size()).apply(random);
            RawHttp.Answer answer = RawHttp.send(port, sent.method(), sent.target(), sent.headers(), sent.body());
            outcomes.add(new Outcome(sent, answer));
            String failure = judge(sent, answer);
            if (failure != null) {
                failures.add("#" + i + " " + sent.endpoint() + " [" + sent.kind() + "] " + failure);
            }
        }

        for (Outcome outcome : outcomes) {
            System.out.println(outcome.sent().endpoint() + " [" + outcome.sent().kind() + "] -> "
                    + outcome.answer().status() + " " + type(outcome.answer()));
        }
        System.out.println(summary(outcomes));
        failures.forEach(System.out::println);
        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(500);
        assertThat(failures).as("cases answered wrongly (seed " + SEED + ")").isEmpty();
        assertThat(counts()).as("rows after the run, against before").isEqualTo(before);
        JsonNode verification = api.get("audrey", "/api/audit/verify").json();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(api.get("audrey", "/api/claims").json().isArray()).isTrue();
        TestApi.Answer feed = api.get(null, "/public/corrections.atom");
        assertThat(feed.status()).isEqualTo(200);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
    }

    // What an answer must look like.

    static String judge(Case sent, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "answered " + answer;
        }
        if (sent.mustRefuse() && answer.status() < 400 && !(sent.page() && answer.status() / 100 == 3)) {
            return "was accepted: " + answer;
        }
        if (answer.status() >= 400 && sent.target().startsWith("/api")) {
            if (!answer.isProblem()) {
                return "is not problem+json: " + answer;
            }
            JsonNode problem;
            try {
                problem = JSON.readTree(answer.body());
            } catch (Exception e) {
                return "problem is not JSON: " + answer;
            }
            if (!problem.path("type").asText().startsWith("urn:factdesk:problem:")) {
                return "problem has no FactDesk type: " + answer;
            }
            if (sent.field() != null && problem.path("type").asText().matches(".*:(field-too-long|too-large)")
                    && !problem.path("detail").asText().contains("'" + sent.field() + "'")) {
                return "problem does not name '" + sent.field() + "': " + answer;
            }
        }
        if (answer.status() >= 400 && sent.page() && !answer.isProblem()) {
            boolean shown = answer.body().contains("class=\"eyebrow\">Error " + answer.status())
                    || answer.body().contains("flash-bad")
                    // The flag form says what is wrong under the field it is about.
                    || answer.body().contains("aria-invalid=\"true\"") && answer.body().contains("class=\"field-error\"")
                    || answer.body().contains("id=\"flag-error\"");
            if (!answer.contentType().startsWith("text/html") || !shown) {
                return "is not the page's error view: " + answer;
            }
        }
        return null;
    }

    private static String type(RawHttp.Answer answer) {
        if (!answer.isProblem()) {
            return answer.contentType();
        }
        try {
            return JSON.readTree(answer.body()).path("type").asText();
        } catch (Exception e) {
            return "unreadable problem";
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    static String summary(List<Outcome> outcomes) {
        Map<String, TreeMap<Integer, Integer>> table = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            table.computeIfAbsent(outcome.sent().endpoint(), e -> new TreeMap<>())
                    .merge(outcome.answer().status(), 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder(String.format("%n%-52s %5s  %s%n", "endpoint", "cases", "statuses"));
        table.forEach((endpoint, statuses) -> out.append(String.format("%-52s %5d  %s%n", endpoint,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses)));
        out.append(String.format("%-52s %5d%n", "total", outcomes.size()));
        return out.toString();
    }

    // Bad values.

    private static final String NUL = "\u0000";

    /** A bad text for a field with this limit: too long by one, ten times, a megabyte; or holding what no text may. */
    record Bad(String kind, String value, boolean long_) {
    }

    static Bad badText(Random random, int limit) {
        return switch (random.nextInt(8)) {
            case 0 -> new Bad("limit+1", "a".repeat(limit + 1), true);
            case 1 -> new Bad("10x limit", "word ".repeat(limit * 2), true);
            case 2 -> new Bad("1 MB", MEGABYTE, false);
            case 3 -> new Bad("NUL", "before" + NUL + "after", false);
            case 4 -> new Bad("lone high surrogate", "x" + (char) 0xD800 + "y", false);
            case 5 -> new Bad("lone low surrogate", (char) 0xDC00 + "tail", false);
            case 6 -> new Bad("control character", "bell" + (char) (1 + random.nextInt(8)) + "x", false);
            default -> new Bad("escape character", "\u001b[31mred", false);
        };
    }

    private static final String[] BAD_IDS = {"-1", "0", "abc", "99999999999999999999", "1.5", "%00", "%2F", "..",
            "%2e%2e", "%20", "1%00", "%25", "9223372036854775807", "' OR 1=1 --", "%ED%A0%80", "1;x=y"};

    static String badId(Random random) {
        String id = BAD_IDS[random.nextInt(BAD_IDS.length)];
        return id.replace(" ", "%20").replace("'", "%27");
    }

    private static final String[] MALFORMED_JSON = {"{", "{\"quote\":}", "{'quote':'300mm'}", "{\"quote\":\"300mm\",}",
            "[]", "\"300mm\"", "null", "42", "{\"quote\":\"300mm\"} trailing", "{\"quote\" \"300mm\"}",
            "/* comment */ {}", "{\"quote\":\"\\x41\"}", "{\"quote\":\"unterminated}"};

    private static final String[] WRONG_TYPES = {"application/xml", "text/plain", "multipart/form-data",
            "multipart/form-data; boundary=", "application/x-www-form-urlencoded", "application/octet-stream",
            "garbage", "application/json; charset=nope", "*/*;;", ""};

    private static String api(String user, String contentType) {
        String headers = user == null ? "" : "Authorization: " + RawHttp.basic(user);
        if (contentType != null && !contentType.isEmpty()) {
            headers += (headers.isEmpty() ? "" : "\r\n") + "Content-Type: " + contentType;
        }
        return headers;
    }

    /**
     * The text in UTF-8, except that a lone surrogate is written as the three bytes UTF-8 would give its code point
     * (as a careless encoder does), not replaced by '?' as Java's encoder would: the server must see it.
     */
    static byte[] utf8(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static <T> T pick(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    // POST /api/articles (text/plain)

    private Case importArticle(Random random) {
        String endpoint = "POST /api/articles";
        String headline = "Fuzz " + UUID.randomUUID();
        Supplier<String> file = () -> "Fuzz desk\n" + headline + "\n8 January 2020, 09:00\nA paragraph.";
        switch (random.nextInt(12)) {
            case 0 -> {
                return new Case(endpoint, "file over ARTICLE_FILE", "POST", "/api/articles",
                        api("edith", "text/plain"), utf8(file.get() + "\n" + "b".repeat(InputLimits.ARTICLE_FILE)),
                        false, true, "article");
            }
            case 1 -> {
                Bad bad = badText(random, InputLimits.HEADLINE);
                String text = "Fuzz desk\n" + bad.value().replace("\n", " ") + "\n8 January 2020, 09:00\nBody.";
                return new Case(endpoint, "headline " + bad.kind(), "POST", "/api/articles",
                        api("edith", "text/plain; charset=UTF-8"), utf8(text), false, true,
                        bad.long_() ? "headline" : null);
            }
            case 2 -> {
                Bad bad = badText(random, InputLimits.NAME);
                String text = bad.value().replace("\n", " ") + "\n" + headline + "\n8 January 2020, 09:00\nBody.";
                return new Case(endpoint, "section " + bad.kind(), "POST", "/api/articles",
                        api("edith", "text/plain"), utf8(text), false, true, bad.long_() ? "section" : null);
            }
            case 3 -> {
                boolean paragraphs = random.nextBoolean();
                String body = paragraphs ? "P.\n".repeat(InputLimits.PARAGRAPHS + 1)
                        : "c".repeat(InputLimits.ARTICLE_BODY + 1);
                return new Case(endpoint, paragraphs ? "paragraphs over limit" : "body over ARTICLE_BODY", "POST",
                        "/api/articles", api("edith", "text/plain"), utf8("Fuzz desk\n" + headline
                                + "\n8 January 2020, 09:00\n" + body), false, true, paragraphs ? null : "body");
            }
            case 4 -> {
                byte[][] invalid = {{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80},
                        {(byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}, {7}, {0x1b}};
                byte[] bad = invalid[random.nextInt(invalid.length)];
                byte[] start = utf8("Fuzz desk\n" + headline + "\n8 January 2020, 09:00\nBad byte: ");
                byte[] body = new byte[start.length + bad.length];
                System.arraycopy(start, 0, body, 0, start.length);
                System.arraycopy(bad, 0, body, start.length, bad.length);
                return new Case(endpoint, "invalid byte " + String.format("%02X", bad[0]), "POST", "/api/articles",
                        api("edith", "text/plain"), body, false, true, null);
            }
            case 5 -> {
                String type = pick(random, List.of(WRONG_TYPES));
                return new Case(endpoint, "content type '" + type + "'", "POST", "/api/articles",
                        api("edith", type.equals("text/plain") ? "text/plain; charset=nope" : type),
                        utf8(file.get()), false, true, null);
            }
            case 6 -> {
                return new Case(endpoint, "empty body", "POST", "/api/articles", api("edith", "text/plain"),
                        new byte[0], false, true, null);
            }
            case 7 -> {
                return new Case(endpoint, "1 MB body", "POST", "/api/articles", api("edith", "text/plain"),
                        utf8(file.get() + MEGABYTE), false, true, null);
            }
            case 8 -> {
                String[] malformed = {"only one line", "Desk\nHeadline\nnot a date\nBody",
                        "Desk\nHeadline\n8 January 2020, 09:00\n\n\n", "\n\n\n\n",
                        "Desk\nHeadline\n8 January 2020, 09:00 | Updated: 1 January 2020, 09:00\nBody"};
                return new Case(endpoint, "malformed article", "POST", "/api/articles", api("edith", "text/plain"),
                        utf8(malformed[random.nextInt(malformed.length)]), false, true, null);
            }
            case 9 -> {
                String[] sources = {"%00", "a%00b", "%01", "%ED%A0%80", "s".repeat(InputLimits.NAME + 1)};
                String source = sources[random.nextInt(sources.length)];
                return new Case(endpoint, "source " + (source.length() > 20 ? "limit+1" : source), "POST",
                        "/api/articles?source=" + source, api("edith", "text/plain"), utf8(file.get()), false, true,
                        source.length() > 20 ? "source" : null);
            }
            case 10 -> {
                String user = pick(random, List.of("fiona", "audrey"));
                return new Case(endpoint, "as " + user, "POST", "/api/articles", api(user, "text/plain"),
                        utf8(file.get()), false, true, null);
            }
            default -> {
                return new Case(endpoint, "anonymous", "POST", "/api/articles", api(null, "text/plain"),
                        utf8(file.get()), false, true, null);
            }
        }
    }

    // POST /api/articles/{id}/claims (JSON)

    private Case flagClaim(Random random) {
        String endpoint = "POST /api/articles/{id}/claims";
        String path = "/api/articles/" + article + "/claims";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("quote", json("300mm"));
        fields.put("category", json("NUMBER"));
        switch (random.nextInt(10)) {
            case 0, 1, 2 -> {
                String field = pick(random, List.of("quote", "replacement", "note", "category", "severity", "scope"));
                int limit = switch (field) {
                    case "quote" -> InputLimits.QUOTE;
                    case "replacement" -> InputLimits.REPLACEMENT;
                    case "note" -> InputLimits.FLAG_NOTE;
                    default -> InputLimits.CHOICE;
                };
                Bad bad = badText(random, limit);
                fields.put(field, json(bad.value()));
                return jsonCase(endpoint, field + " " + bad.kind(), path, "fiona", fields,
                        bad.long_() ? field : null);
            }
            case 3 -> {
                String[][] wrong = {{"quote", "{}"}, {"quote", "[\"300mm\"]"}, {"category", "{\"a\":1}"},
                        {"occurrence", "\"abc\""}, {"occurrence", "1e400"}, {"occurrence", "99999999999999999999"},
                        {"start", "[]"}, {"start", "\"x\""}, {"start", "2147483648"}, {"occurrence", "{}"},
                        {"note", "[1,2]"}, {"scope", "{}"}, {"quote", "true,\"quote\":{}"}};
                String[] pair = wrong[random.nextInt(wrong.length)];
                fields.put(pair[0], pair[1]);
                return jsonCase(endpoint, "wrong type " + pair[0] + "=" + pair[1], path, "fiona", fields, null);
            }
            case 4 -> {
                String[][] refused = {{"category", json("BANANA")}, {"severity", json("EXTREME")},
                        {"scope", json("SOME")}, {"occurrence", "0"}, {"occurrence", "-1"}, {"occurrence", "99"},
                        {"start", "-5"}, {"start", "3"}, {"quote", json("not in the text")}, {"quote", json("")},
                        {"quote", json("   ")}, {"quote", "null"}, {"category", "null"}, {"category", json("")}};
                String[] pair = refused[random.nextInt(refused.length)];
                fields.put(pair[0], pair[1]);
                if (random.nextBoolean()) {
                    fields.put("unknownField", json("ignored"));
                }
                return jsonCase(endpoint, "refused " + pair[0] + "=" + pair[1], path, "fiona", fields, null);
            }
            case 5 -> {
                fields.remove(random.nextBoolean() ? "quote" : "category");
                fields.put("scope", json("ALL"));
                fields.put("occurrence", "1");
                return jsonCase(endpoint, "missing field and scope with occurrence", path, "edith", fields, null);
            }
            case 6 -> {
                String body = pick(random, List.of(MALFORMED_JSON));
                return new Case(endpoint, "malformed JSON " + body, "POST", path, api("fiona", "application/json"),
                        utf8(body), false, true, null);
            }
            case 7 -> {
                byte[][] invalid = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0,
                        (byte) 0x80}, {(byte) 0xFF, (byte) 0xFE}};
                byte[] bad = invalid[random.nextInt(invalid.length)];
                byte[] start = utf8("{\"quote\":\"300mm\",\"category\":\"NUMBER\",\"note\":\"");
                byte[] body = new byte[start.length + bad.length + 2];
                System.arraycopy(start, 0, body, 0, start.length);
                System.arraycopy(bad, 0, body, start.length, bad.length);
                body[body.length - 2] = '"';
                body[body.length - 1] = '}';
                return new Case(endpoint, "invalid UTF-8 " + String.format("%02X", bad[0]), "POST", path,
                        api("fiona", "application/json"), body, false, true, null);
            }
            case 8 -> {
                String type = pick(random, List.of(WRONG_TYPES));
                String kind = random.nextBoolean() ? "empty body" : "content type '" + type + "'";
                byte[] body = kind.equals("empty body") ? new byte[0] : utf8(FuzzClient.object(fields));
                return new Case(endpoint, kind, "POST", path, api("fiona", kind.equals("empty body")
                        ? "application/json" : type), body, false, true, null);
            }
            default -> {
                int variant = random.nextInt(3);
                if (variant == 0) {
                    return new Case(endpoint, "as " + "audrey", "POST", path, api("audrey", "application/json"),
                            utf8(FuzzClient.object(fields)), false, true, null);
                }
                if (variant == 1) {
                    return new Case(endpoint, "anonymous", "POST", path, api(null, "application/json"),
                            utf8(FuzzClient.object(fields)), false, true, null);
                }
                String id = badId(random);
                return new Case(endpoint, "article id " + id, "POST", "/api/articles/" + id + "/claims",
                        api("fiona", "application/json"), utf8(FuzzClient.object(fields)), false, true, null);
            }
        }
    }

    private Case jsonCase(String endpoint, String kind, String path, String user, Map<String, String> fields,
            String field) {
        return new Case(endpoint, kind, "POST", path, api(user, "application/json"), utf8(FuzzClient.object(fields)),
                false, true, field);
    }

    // POST /api/tasks/{id}/claim|unclaim

    private Case taskAction(Random random) {
        String action = random.nextBoolean() ? "claim" : "unclaim";
        String endpoint = "POST /api/tasks/{id}/" + action;
        switch (random.nextInt(4)) {
            case 0 -> {
                // Someone else holds it: neither claiming nor letting go is theirs.
                String task = random.nextBoolean() ? fionasTask : faridsTask;
                String user = task.equals(fionasTask) ? pick(random, List.of("farid", "edith"))
                        : pick(random, List.of("fiona", "elliot"));
                return new Case(endpoint, "held by someone else, as " + user, "POST",
                        "/api/tasks/" + task + "/" + action, api(user, null), null, false, true, null);
            }
            case 1 -> {
                return new Case(endpoint, "as audrey", "POST", "/api/tasks/" + fionasTask + "/" + action,
                        api("audrey", null), null, false, true, null);
            }
            case 2 -> {
                String id = random.nextBoolean() ? UUID.randomUUID().toString() : "t".repeat(5_000);
                return new Case(endpoint, id.length() > 100 ? "5,000-character id" : "unknown id", "POST",
                        "/api/tasks/" + id + "/" + action, api("fiona", null), null, false, true, null);
            }
            default -> {
                String id = badId(random);
                return new Case(endpoint, "id " + id, "POST", "/api/tasks/" + id + "/" + action,
                        api("fiona", "application/json"), utf8("{}"), false, true, null);
            }
        }
    }

    // POST /api/tasks/{id}/complete — what the API itself refuses; over-long values are ReviewLimitsFuzzTest's.

    private Case completeTask(Random random) {
        String endpoint = "POST /api/tasks/{id}/complete";
        String path = "/api/tasks/" + fionasTask + "/complete";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("verdict", json("ERROR_CONFIRMED"));
        form.put("replacement", json("30mm"));
        form.put("notice", json("An earlier version gave the wrong rainfall."));
        switch (random.nextInt(8)) {
            case 0, 1 -> {
                String field = pick(random, List.of("verdict", "replacement", "notice", "note"));
                String[] clean = {NUL, "a" + NUL, "x" + (char) 0xD800, (char) 0xDFFF + "", "\u0007", "\u007f"};
                form.put(field, json("text" + clean[random.nextInt(clean.length)]));
                return new Case(endpoint, field + " with a forbidden character", "POST", path,
                        api("fiona", "application/json"), utf8(FuzzClient.object(form)), false, true, null);
            }
            case 2 -> {
                String[][] refused = {{"verdict", json("BANANA")}, {"verdict", "null"}, {"verdict", json("")},
                        {"decision", json("APPROVE")}, {"verdict", "{}"}, {"verdict", "[\"ERROR_CONFIRMED\"]"},
                        {"notice", "{}"}, {"verdict", json("ERROR_CONFIRMED" + "X".repeat(60))}};
                String[] pair = refused[random.nextInt(refused.length)];
                form.put(pair[0], pair[1]);
                if (pair[0].equals("verdict") && pair[1].equals("null")) {
                    form.remove("notice");
                }
                return new Case(endpoint, "refused " + pair[0] + "=" + (pair[1].length() > 30 ? "long" : pair[1]),
                        "POST", path, api("fiona", "application/json"), utf8(FuzzClient.object(form)), false, true,
                        null);
            }
            case 3 -> {
                String body = pick(random, List.of(MALFORMED_JSON));
                return new Case(endpoint, "malformed JSON", "POST", path, api("fiona", "application/json"),
                        utf8(body.replace("quote", "verdict")), false, true, null);
            }
            case 4 -> {
                String type = pick(random, List.of(WRONG_TYPES));
                return new Case(endpoint, "content type '" + type + "'", "POST", path, api("fiona", type),
                        utf8(FuzzClient.object(form)), false, true, null);
            }
            case 5 -> {
                return new Case(endpoint, "empty body", "POST", path, api("fiona", "application/json"), new byte[0],
                        false, true, null);
            }
            case 6 -> {
                String user = pick(random, List.of("farid", "edith", "audrey"));
                return new Case(endpoint, "as " + user, "POST", path, api(user, "application/json"),
                        utf8(FuzzClient.object(form)), false, true, null);
            }
            default -> {
                String id = badId(random);
                return new Case(endpoint, "id " + id, "POST", "/api/tasks/" + id + "/complete",
                        api("fiona", "application/json"), utf8(FuzzClient.object(form)), false, true, null);
            }
        }
    }

    // POST /api/scan — reads only, so a 2xx is allowed; never a 5xx, and a refusal is a problem.

    private Case scan(Random random) {
        String endpoint = "POST /api/scan";
        String file = "Fuzz desk\nScan " + UUID.randomUUID() + "\n8 January 2020, 09:00\nThe the rainfall was 300mm.";
        // A file just over ARTICLE_FILE is not here: the scan does not refuse it yet and takes minutes on it.
        return switch (random.nextInt(6)) {
            case 0, 1 -> new Case(endpoint, "1 MB body", "POST", "/api/scan", api("fiona", "text/plain"),
                    utf8(file + MEGABYTE), false, true, null);
            case 2 -> new Case(endpoint, "NUL", "POST", "/api/scan", api("fiona", "text/plain"),
                    utf8(file + NUL + "x"), false, false, null);
            case 3 -> new Case(endpoint, "empty body", "POST", "/api/scan", api("fiona", "text/plain"), new byte[0],
                    false, true, null);
            case 4 -> {
                String type = pick(random, List.of(WRONG_TYPES));
                yield new Case(endpoint, "content type '" + type + "'", "POST", "/api/scan",
                        api("fiona", type.equals("text/plain") ? "application/json" : type), utf8(file), false,
                        !type.equals("*/*;;"), null);
            }
            default -> new Case(endpoint, "malformed article", "POST", "/api/scan", api("fiona", "text/plain"),
                    utf8("one line only"), false, true, null);
        };
    }

    // POST /api/articles/{id}/suggestions/{sid}/accept|dismiss and .../suggestions/scan

    private Case suggestion(Random random) {
        String action = pick(random, List.of("accept", "dismiss"));
        String endpoint = "POST /api/articles/{id}/suggestions/{sid}/" + action;
        return switch (random.nextInt(3)) {
            case 0 -> new Case(endpoint, "unknown suggestion", "POST", "/api/articles/" + article + "/suggestions/"
                    + (900_000_000 + random.nextInt(1000)) + "/" + action, api("fiona", null), null, false, true, null);
            case 1 -> {
                String id = badId(random);
                yield new Case(endpoint, "suggestion id " + id, "POST", "/api/articles/" + article + "/suggestions/"
                        + id + "/" + action, api("fiona", null), null, false, true, null);
            }
            default -> {
                String id = badId(random);
                boolean rescan = random.nextBoolean();
                yield new Case(rescan ? "POST /api/articles/{id}/suggestions/scan" : endpoint, "article id " + id,
                        "POST", "/api/articles/" + id + "/suggestions/" + (rescan ? "scan" : "1/" + action),
                        api(random.nextBoolean() ? "fiona" : "audrey", null), null, false, true, null);
            }
        };
    }

    // The pages' forms, signed in as a browser is.

    private Case pageCase(String endpoint, String kind, String target, FuzzClient.Session session,
            Map<String, String> form, boolean withToken) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        if (withToken) {
            sent.put("_csrf", encode(session.csrf()));
        }
        return new Case(endpoint, kind, "POST", target, session.headers()
                + "\r\nContent-Type: application/x-www-form-urlencoded", FuzzClient.form(sent), true, true, null);
    }

    /** A bad value as a form sends it: percent-encoded, with the escapes a browser would never write. */
    private static Bad badFormText(Random random, int limit) {
        return switch (random.nextInt(7)) {
            case 0 -> new Bad("limit+1", "a".repeat(limit + 1), true);
            case 1 -> new Bad("10x limit", "word+".repeat(limit * 2), true);
            case 2 -> new Bad("NUL", "before%00after", false);
            case 3 -> new Bad("control character", "bell%07x", false);
            case 4 -> new Bad("escape character", "%1B%5B31mred", false);
            case 5 -> new Bad("DEL", "x%7Fy", false);
            default -> new Bad("NUL only", "%00", false);
        };
    }

    private Case flagForm(Random random) {
        String endpoint = "POST /articles/{id}/claims (page)";
        String target = "/articles/" + article + "/claims";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("quote", "300mm");
        form.put("start", "17");
        form.put("category", "NUMBER");
        form.put("severity", "MEDIUM");
        switch (random.nextInt(7)) {
            case 0, 1, 2 -> {
                String field = pick(random, List.of("quote", "replacement", "note", "category", "severity"));
                int limit = switch (field) {
                    case "quote" -> InputLimits.QUOTE;
                    case "replacement" -> InputLimits.REPLACEMENT;
                    case "note" -> InputLimits.FLAG_NOTE;
                    default -> InputLimits.CHOICE;
                };
                Bad bad = badFormText(random, limit);
                form.put(field, bad.value());
                return pageCase(endpoint, field + " " + bad.kind(), target, fiona, form, true);
            }
            case 3 -> {
                String[][] refused = {{"start", "abc"}, {"start", "99999999999"}, {"start", "-1"}, {"start", "3"},
                        {"everyOccurrence", "maybe"}, {"category", "BANANA"}, {"severity", "EXTREME"},
                        {"quote", ""}, {"quote", "not+in+the+text"}, {"category", ""}, {"quote", "%ED%A0%80"},
                        {"quote", "%C0%80"}, {"quote", "%zz"}};
                String[] pair = refused[random.nextInt(refused.length)];
                form.put(pair[0], pair[1]);
                return pageCase(endpoint, "refused " + pair[0] + "=" + pair[1], target, fiona, form, true);
            }
            case 4 -> {
                boolean none = random.nextBoolean();
                Map<String, String> sent = new LinkedHashMap<>(form);
                if (!none) {
                    sent.put("_csrf", "forged");
                }
                return pageCase(endpoint, none ? "no CSRF token" : "forged CSRF token", target, fiona, sent, false);
            }
            case 5 -> {
                String type = pick(random, List.of("multipart/form-data", "application/json", "text/plain"));
                Map<String, String> sent = new LinkedHashMap<>(form);
                sent.put("_csrf", encode(fiona.csrf()));
                return new Case(endpoint, "content type " + type, "POST", target, fiona.headers()
                        + "\r\nContent-Type: " + type, FuzzClient.form(sent), true, true, null);
            }
            default -> {
                String id = badId(random);
                return pageCase(endpoint, "article id " + id, "/articles/" + id + "/claims", fiona, form, true);
            }
        }
    }

    private Case suggestionForm(Random random) {
        String action = pick(random, List.of("accept", "dismiss"));
        String endpoint = "POST /articles/{id}/suggestions/{sid}/" + action + " (page)";
        String id = random.nextBoolean() ? badId(random) : Integer.toString(900_000_000 + random.nextInt(1000));
        boolean badArticle = random.nextInt(4) == 0;
        String target = "/articles/" + (badArticle ? badId(random) : Long.toString(article)) + "/suggestions/" + id
                + "/" + action;
        return pageCase(endpoint, (badArticle ? "article and " : "") + "suggestion id " + id, target, fiona, Map.of(),
                random.nextInt(6) != 0);
    }

    private Case taskForm(Random random) {
        String action = random.nextBoolean() ? "claim" : "unclaim";
        String endpoint = "POST /tasks/{id}/" + action + " (page)";
        return switch (random.nextInt(3)) {
            case 0 -> pageCase(endpoint, "held by farid", "/tasks/" + faridsTask + "/" + action, fiona,
                    Map.of("back", "task"), true);
            case 1 -> {
                String id = badId(random);
                yield pageCase(endpoint, "id " + id, "/tasks/" + id + "/" + action, fiona, Map.of(), true);
            }
            default -> pageCase(endpoint, "no CSRF token", "/tasks/" + faridsTask + "/" + action, fiona, Map.of(),
                    false);
        };
    }

    private Case verifyForm(Random random) {
        String endpoint = "POST /tasks/{id}/verify (page)";
        String target = "/tasks/" + fionasTask + "/verify";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("verdict", "ERROR_CONFIRMED");
        form.put("replacement", "30mm");
        form.put("notice", encode("An earlier version gave the wrong rainfall."));
        switch (random.nextInt(4)) {
            case 0, 1 -> {
                String field = pick(random, List.of("verdict", "replacement", "notice", "note"));
                String[] clean = {"%00", "a%00", "%07", "%1B", "%7F", "x%01y"};
                form.put(field, "text" + clean[random.nextInt(clean.length)]);
                return pageCase(endpoint, field + " with a forbidden character", target, fiona, form, true);
            }
            case 2 -> {
                String[][] refused = {{"verdict", "BANANA"}, {"verdict", ""}, {"verdict", "NOT_AN_ERRORX"},
                        {"verdict", "CLARIFICATION_NEEDED"}};
                String[] pair = refused[random.nextInt(refused.length)];
                form.put(pair[0], pair[1]);
                if (pair[1].equals("CLARIFICATION_NEEDED")) {
                    form.put("notice", "");
                }
                return pageCase(endpoint, "refused " + pair[0] + "=" + pair[1], target, fiona, form, true);
            }
            default -> {
                boolean otherTask = random.nextBoolean();
                String id = otherTask ? faridsTask : badId(random);
                return pageCase(endpoint, otherTask ? "farid's task" : "id " + id, "/tasks/" + id + "/verify",
                        fiona, form, true);
            }
        }
    }

    private Case approveForm(Random random) {
        String endpoint = "POST /tasks/{id}/approve (page)";
        String target = "/tasks/" + edithsTask + "/approve";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("decision", "RETURN");
        form.put("comment", "Check+the+gauge.");
        switch (random.nextInt(3)) {
            case 0 -> {
                String field = random.nextBoolean() ? "decision" : "comment";
                String[] clean = {"%00", "a%00", "%07", "%1B", "%7F"};
                form.put(field, "text" + clean[random.nextInt(clean.length)]);
                return pageCase(endpoint, field + " with a forbidden character", target, edith, form, true);
            }
            case 1 -> {
                String decision = pick(random, List.of("BANANA", "", "APPROVED", "approve%00"));
                form.put("decision", decision);
                return pageCase(endpoint, "decision '" + decision + "'", target, edith, form, true);
            }
            default -> {
                String id = badId(random);
                return pageCase(endpoint, "id " + id, "/tasks/" + id + "/approve", edith, form, random.nextBoolean());
            }
        }
    }

    private Case signInForm(Random random) {
        // Only users that do not exist: failed sign-ins of a real user would lock them out for a while.
        String[] users = {"nobody%00", "%00", "%ED%A0%80", "u".repeat(10_000), "mallory%01", "x%27%20OR%201%3D1"};
        String user = users[random.nextInt(users.length)];
        String kind = user.length() > 100 ? "10,000-character user" : "user " + user;
        if (random.nextInt(4) == 0) {
            return new Case("POST /logout (page)", "no CSRF token", "POST", "/logout", fiona.headers(), null, true, true,
                    null);
        }
        return pageCase("POST /login (page)", kind, "/login", visitor, Map.of("username", user, "password", "demo"),
                random.nextInt(5) != 0);
    }
}
