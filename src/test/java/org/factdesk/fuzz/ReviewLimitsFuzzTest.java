package org.factdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factdesk.fuzz.FuzzClient.encode;
import static org.factdesk.fuzz.FuzzClient.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Completing a review task with a value over its limit — replacement, notice, note, comment; one character over, ten
 * times over — is refused with 400 naming the field, through the API and through the Verify claim and Approve
 * correction pages, and writes nothing. Each case works on a fresh task, so one that is wrongly accepted cannot hide
 * the others. The limits are checked by the review task listeners, inside the engine.
 */
@FactDeskTest
class ReviewLimitsFuzzTest {

    private static final String[] TABLES = {"claim", "audit_entry", "article_revision"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void refusesOverLongReviewValuesWithoutWriting() {
        List<String> failures = new ArrayList<>();
        FuzzClient.Session fiona = FuzzClient.signIn(port, "fiona", "/tasks");
        FuzzClient.Session edith = FuzzClient.signIn(port, "edith", "/tasks");
        Map<String, Integer> verifyFields = Map.of("replacement", InputLimits.REPLACEMENT, "notice", InputLimits.NOTICE,
                "note", InputLimits.NOTE);
        int cases = 0;
        for (Map.Entry<String, Integer> field : verifyFields.entrySet()) {
            for (int length : new int[] {field.getValue() + 1, field.getValue() * 10}) {
                for (boolean page : new boolean[] {false, true}) {
                    String task = verifyTask();
                    Map<String, String> form = new LinkedHashMap<>();
                    form.put("verdict", "ERROR_CONFIRMED");
                    form.put("replacement", "30mm");
                    form.put("notice", "An earlier version gave the wrong rainfall.");
                    form.put(field.getKey(), "a".repeat(length));
                    String name = (page ? "page verify " : "API complete ") + field.getKey() + " " + length;
                    check(name, field.getKey(), page ? verifyPage(fiona, task, form) : complete("fiona", task, form),
                            page, failures);
                    cases++;
                }
            }
        }
        for (int length : new int[] {InputLimits.NOTE + 1, InputLimits.NOTE * 10}) {
            for (boolean page : new boolean[] {false, true}) {
                String task = approveTask();
                Map<String, String> form = Map.of("decision", "RETURN", "comment", "c".repeat(length));
                String name = (page ? "page approve " : "API complete ") + "comment " + length;
                check(name, "comment", page ? approvePage(edith, task, form) : complete("edith", task, form), page,
                        failures);
                cases++;
            }
        }
        System.out.println("ReviewLimitsFuzzTest: " + cases + " cases, " + failures.size() + " answered wrongly");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private void check(String name, String field, Sent sent, boolean page, List<String> failures) {
        RawHttp.Answer answer = sent.answer();
        if (!sent.counts().equals(counts())) {
            failures.add(name + ": wrote rows (" + sent.counts() + " -> " + counts() + "), answered " + answer);
        } else if (answer.status() != 400) {
            failures.add(name + ": answered " + answer);
        } else if (page ? !java.util.regex.Pattern.compile("id=\"" + field + "\"[^>]*aria-invalid=\"true\"")
                .matcher(answer.body()).find() : !answer.body().contains("'" + field + "'")) {
            // A page marks the refused field itself; the API's problem names it.
            failures.add(name + ": the refusal does not name '" + field + "': " + answer);
        } else if (!page && !answer.isProblem()) {
            failures.add(name + ": not problem+json: " + answer);
        }
    }

    /** An answer and the row counts just before its request. */
    private record Sent(Map<String, Long> counts, RawHttp.Answer answer) {
    }

    private Sent complete(String user, String task, Map<String, String> form) {
        Map<String, String> literals = new LinkedHashMap<>();
        form.forEach((name, value) -> literals.put(name, json(value)));
        Map<String, Long> before = counts();
        return new Sent(before, RawHttp.send(port, "POST", "/api/tasks/" + task + "/complete", "Authorization: "
                + RawHttp.basic(user) + "\r\nContent-Type: application/json",
                FuzzClient.object(literals).getBytes(StandardCharsets.UTF_8)));
    }

    private Sent verifyPage(FuzzClient.Session session, String task, Map<String, String> form) {
        return page(session, "/tasks/" + task + "/verify", form);
    }

    private Sent approvePage(FuzzClient.Session session, String task, Map<String, String> form) {
        return page(session, "/tasks/" + task + "/approve", form);
    }

    private Sent page(FuzzClient.Session session, String target, Map<String, String> form) {
        Map<String, String> encoded = new LinkedHashMap<>();
        form.forEach((name, value) -> encoded.put(name, encode(value)));
        encoded.put("_csrf", encode(session.csrf()));
        Map<String, Long> before = counts();
        return new Sent(before, RawHttp.send(port, "POST", target, session.headers()
                + "\r\nContent-Type: application/x-www-form-urlencoded", FuzzClient.form(encoded)));
    }

    private long freshArticle() {
        return api.importArticle("Rainfall reached 300mm in the valley last week.",
                "The mayor, Jane Smyth, opened the bridge on Tuesday.");
    }

    /** A fresh Verify claim task, held by fiona. */
    private String verifyTask() {
        // An article of its own each time: the same words at the same place take one open claim.
        long claim = api.flag("edith", freshArticle(), Map.of("quote", "300mm", "category", "NUMBER",
                "replacement", "30mm"));
        String task = api.taskOf("fiona", claim);
        assertThat(api.post("fiona", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        return task;
    }

    /** A fresh Approve correction task, held by edith (farid flagged, fiona verified). */
    private String approveTask() {
        long claim = api.flag("farid", freshArticle(), Map.of("quote", "Smyth", "category", "NAME",
                "replacement", "Smith"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Smith",
                "notice", "An earlier version misspelled the mayor's name."));
        String task = api.taskOf("edith", claim);
        assertThat(api.post("edith", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        return task;
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
