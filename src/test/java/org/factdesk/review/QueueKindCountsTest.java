package org.factdesk.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's counts by category and severity (review_queue_size, one row per desk, step, category and severity) and
 * its search on the words' index: the rows follow the table of open tasks whichever way a task is taken, given back,
 * returned or completed (through FactDesk's API and the engine's REST API alike), steps that make a key's first row at
 * once are all counted, a start counts them again, and a filtered queue's total is the number of tasks its pages hold.
 */
@FactDeskTest
class QueueKindCountsTest {

    private static final String TEXT = "Ferries left Dovr, Calias and Harwik before noon on Tuesday, 14 ships in all.";

    @LocalServerPort
    int port;

    @Autowired
    OpenTasks openTasks;

    @Autowired
    OpenTasksRebuild rebuild;

    @Autowired
    JdbcClient jdbc;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void theKindCountsFollowEveryStepThroughTheApiAndTheEngine() {
        long article = api.importArticle(TEXT);
        // Flagged by a fact-checker, so that an editor may decide the approval (never its flagger).
        long name = api.flag("farid", article, Map.of("quote", "Dovr", "category", "NAME", "severity", "HIGH"));
        long number = api.flag("farid", article, Map.of("quote", "14", "category", "NUMBER", "severity", "LOW"));
        String task = api.taskOf("fiona", name);
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");

        // Taken through the engine, given back through it, taken by another through it, handed on through FactDesk.
        assertThat(engine("fiona", task, "claim", "{\"userId\":\"fiona\"}").status()).isEqualTo(204);
        assertKindCountsMatchTheTable();
        assertThat(engine("fiona", task, "claim", "{\"userId\":null}").status()).isEqualTo(204);
        assertKindCountsMatchTheTable();
        assertThat(engine("farid", task, "claim", "{\"userId\":\"farid\"}").status()).isEqualTo(204);
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");
        assertThat(api.post("farid", "/api/tasks/" + task + "/assign", Map.of("assignee", "fiona")).status())
                .isEqualTo(200);
        assertKindCountsMatchTheTable();
        // Completed through the engine: the editors' approval of the same kind opens, unheld.
        assertThat(engine("fiona", task, "complete", "{\"variables\":{\"verdict\":{\"value\":\"ERROR_CONFIRMED\"},"
                + "\"replacement\":{\"value\":\"Dover\"},\"notice\":{\"value\":\"An earlier version misspelled Dover."
                + "\"}}}").status()).isEqualTo(204);
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("edith");
        assertThat(ids("edith", "tab=unassigned&category=NAME&severity=HIGH")).isNotEmpty();

        // Returned to the fact-checkers: the approval closes and a Verify claim of the same kind opens again.
        api.work("edith", name, Map.of("decision", "RETURN", "comment", "Check the port's own spelling."));
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");
        assertThat(ids("fiona", "tab=returned&category=NAME")).isNotEmpty();

        // The other claim's task, worked through FactDesk's API from first to last.
        api.work("fiona", number, Map.of("verdict", "NOT_AN_ERROR", "note", "Fourteen is right."));
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");
        assertFilteredTotalsMatchTheirPages("edith");
    }

    @Test
    void stepsThatMakeTheFirstRowsOfNewKindsAtOnceAreAllCounted() throws Exception {
        // No size rows at all: eight flags at once, two of each of four kinds, each finding no row for its key.
        jdbc.sql("DELETE FROM review_queue_size").update();
        String[][] kinds = {{"NAME", "HIGH"}, {"NAME", "LOW"}, {"TIME", "MEDIUM"}, {"QUOTE", "HIGH"}};
        String[] quotes = {"Dovr", "Calias", "Harwik", "noon", "Tuesday", "ships", "Ferries", "left"};
        long article = api.importArticle(TEXT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> flags = new ArrayList<>();
        try {
            for (int i = 0; i < quotes.length; i++) {
                String[] kind = kinds[i % kinds.length];
                String quote = quotes[i];
                flags.add(pool.submit(() -> {
                    start.await();
                    return api.post("edith", "/api/articles/" + article + "/claims",
                            Map.of("quote", quote, "category", kind[0], "severity", kind[1])).status();
                }));
            }
            start.countDown();
            for (Future<Integer> flag : flags) {
                assertThat(flag.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // Each key's row holds exactly its two new tasks, and nothing of the tasks opened before the rows went.
        for (String[] kind : kinds) {
            assertThat(size(ClaimReviewProcess.GROUP_FACT_CHECKERS, kind[0], kind[1])).as(String.join("/", kind))
                    .isEqualTo(2);
        }
        rebuild.run(null);
        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");
    }

    @Test
    void aStartCountsEveryKindAgainFromTheTable() {
        long article = api.importArticle(TEXT);
        api.flag("edith", article, Map.of("quote", "Calias", "category", "NAME", "severity", "LOW"));
        api.flag("edith", article, Map.of("quote", "noon", "category", "TIME", "severity", "HIGH"));
        // As after a crash between a task's row and its count, or a hand edit: rows wrong, missing and made up.
        jdbc.sql("UPDATE review_queue_size SET unheld = unheld + 1000 WHERE category = 'NAME'").update();
        jdbc.sql("DELETE FROM review_queue_size WHERE category = 'TIME'").update();
        jdbc.sql("DELETE FROM review_queue_size WHERE category = 'QUOTE' AND severity = 'MEDIUM'").update();
        jdbc.sql("INSERT INTO review_queue_size (work_group, step, category, severity, unheld) "
                + "VALUES ('fact-checkers', 'Task_VerifyClaim', 'QUOTE', 'MEDIUM', ?)")
                .param(countInTable("fact-checkers", "QUOTE", "MEDIUM") + 77).update();
        assertThat(api.get("fiona", "/api/tasks?category=QUOTE&severity=MEDIUM").header("X-Total-Count"))
                .isNotEqualTo(String.valueOf(countInTable("fact-checkers", "QUOTE", "MEDIUM")));

        rebuild.run(null);

        assertKindCountsMatchTheTable();
        assertFilteredTotalsMatchTheirPages("fiona");
    }

    @Test
    void aDeepPageHoldsTheTasksThatFollowTheEarlierPagesInQueueOrder() {
        long article = api.importArticle(TEXT);
        for (String quote : new String[] {"Dovr", "Calias", "Harwik", "noon", "Tuesday", "ships", "Ferries"}) {
            api.flag("edith", article, Map.of("quote", quote, "category", quote.length() > 5 ? "TIME" : "NAME"));
        }
        for (String filter : new String[] {"", "category=NAME", "category=TIME", "sort=deadline", "severity=MEDIUM",
                "category=NAME&sort=deadline"}) {
            List<String> whole = api.queue("fiona", filter).stream().map(t -> t.get("id").asText()).toList();
            List<String> paged = new ArrayList<>();
            for (int page = 0; page * 2 < whole.size(); page++) {
                Answer answer = api.get("fiona", "/api/tasks?size=2&page=" + page + (filter.isEmpty() ? "" : "&"
                        + filter));
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.header("X-Total-Count")).isEqualTo(String.valueOf(whole.size()));
                answer.json().forEach(t -> paged.add(t.get("id").asText()));
            }
            assertThat(paged).as(filter).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void theSearchFindsWordsByTheirBeginningFromTheWordsIndex() {
        long article = api.importArticle("The Micklegate ferry left Dovr at 09:30, the port's log says.");
        long claim = api.flag("edith", article, Map.of("quote", "Micklegate ferry", "category", "NAME"));
        String task = api.taskOf("fiona", claim);
        assertThat(openTasks.wordsOf(task)).contains("micklegate", "ferry").doesNotHaveDuplicates();

        assertThat(ids("fiona", "q=MICKLE")).contains(task);
        assertThat(ids("fiona", "q=ferry%20mick")).contains(task);
        assertThat(ids("fiona", "q=mick%20zzznowhere")).doesNotContain(task);
        // A word's middle is not its beginning; punctuation inside a searched word must stand in the text as it is.
        assertThat(ids("fiona", "q=ickle")).doesNotContain(task);
        assertThat(ids("fiona", "q=mickle-gate")).doesNotContain(task);
        assertThat(ids("fiona", "q=mick%25")).doesNotContain(task);
        assertThat(ids("fiona", "q=mick_")).doesNotContain(task);
        // What cannot be looked up by its letters (no letter or digit at all) is still found in the text.
        assertThat(api.get("fiona", "/api/tasks?q=%27%27%27").status()).isEqualTo(200);

        // Rows without words (opened before the index existed): a start writes them from the search text it refills.
        jdbc.sql("UPDATE review_task SET search_text = NULL").update();
        jdbc.sql("DELETE FROM review_task_word").update();
        assertThat(ids("fiona", "q=micklegate")).doesNotContain(task);
        rebuild.run(null);
        assertThat(openTasks.wordsOf(task)).contains("micklegate", "ferry");
        assertThat(ids("fiona", "q=micklegate")).contains(task);

        // A closed task's words go with it.
        assertThat(api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}",
                "application/json").status()).isEqualTo(204);
        api.work("fiona", claim, Map.of("verdict", "NOT_AN_ERROR", "note", "Right as it is."));
        assertThat(openTasks.wordsOf(task)).isEmpty();
    }

    @Test
    void theWordsAreTheRunsOfLettersAndDigitsEachOnce() {
        assertThat(SearchWords.of("the port's log, the 09:30 ferry\nnews")).containsExactly("the", "port", "s", "log",
                "09", "30", "ferry", "news");
        assertThat(SearchWords.of(null)).isEmpty();
        assertThat(SearchWords.of("x".repeat(150))).containsExactly("x".repeat(SearchWords.MAX));
        assertThat(SearchWords.prefix("port's")).isEqualTo("port");
        assertThat(SearchWords.isPlain("port's")).isFalse();
        assertThat(SearchWords.isPlain("port")).isTrue();
        assertThat(SearchWords.prefix("%_'")).isNull();
    }

    private Answer engine(String user, String task, String action, String body) {
        return api.send(user, "POST", "/engine-rest/task/" + task + "/" + action, body, "application/json");
    }

    private List<String> ids(String user, String filters) {
        return api.queue(user, filters).stream().map(t -> t.get("id").asText()).toList();
    }

    /** Every total of a queue filtered by category, severity or both is what its pages hold (TestApi.queue checks). */
    private void assertFilteredTotalsMatchTheirPages(String user) {
        for (org.factdesk.claim.Category category : org.factdesk.claim.Category.values()) {
            List<JsonNode> tasks = api.queue(user, "category=" + category.name());
            assertThat(tasks).allSatisfy(t -> assertThat(openTasks.find(t.get("id").asText()).orElseThrow()
                    .category()).isEqualTo(category));
            for (org.factdesk.claim.Severity severity : org.factdesk.claim.Severity.values()) {
                api.queue(user, "category=" + category.name() + "&severity=" + severity.name());
                api.queue(user, "tab=unassigned&severity=" + severity.name());
            }
        }
    }

    /** Each size row is the number of unheld tasks of its desk, step, category and severity in the table. */
    private void assertKindCountsMatchTheTable() {
        Map<String, Long> inTable = new HashMap<>();
        jdbc.sql("SELECT work_group, step, COALESCE(category, '-') AS category, COALESCE(severity, '-') AS severity, "
                        + "COUNT(*) AS n FROM review_task WHERE holder IS NULL "
                        + "GROUP BY work_group, step, COALESCE(category, '-'), COALESCE(severity, '-')")
                .query(rs -> {
                    inTable.put(rs.getString("work_group") + "/" + rs.getString("step") + "/"
                            + rs.getString("category") + "/" + rs.getString("severity"), rs.getLong("n"));
                });
        Map<String, Long> kept = new HashMap<>();
        jdbc.sql("SELECT work_group, step, category, severity, unheld FROM review_queue_size WHERE unheld <> 0")
                .query(rs -> {
                    kept.put(rs.getString("work_group") + "/" + rs.getString("step") + "/" + rs.getString("category")
                            + "/" + rs.getString("severity"), rs.getLong("unheld"));
                });
        assertThat(kept).isEqualTo(inTable);
    }

    private long size(String group, String category, String severity) {
        return jdbc.sql("SELECT COALESCE(SUM(unheld), 0) FROM review_queue_size WHERE work_group = ? AND category = ? "
                + "AND severity = ?").params(group, category, severity).query(Long.class).single();
    }

    private long countInTable(String group, String category, String severity) {
        return jdbc.sql("SELECT COUNT(*) FROM review_task WHERE holder IS NULL AND work_group = ? AND category = ? "
                + "AND severity = ?").params(group, category, severity).query(Long.class).single();
    }
}
