package org.factdesk.review;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desks' queue sizes that X-Total-Count of an unfiltered queue reads: they follow the table of open tasks exactly
 * whichever way a task is taken, given back, handed on, completed or ended, a step that rolls back leaves them as they
 * were, and a start counts them again. And the queue shows a held task only to a holder who may still open it.
 */
@FactDeskTest
class QueueSizeTest {

    private static final String TEXT = "Ferries left Dovr, Calias and Harwik before noon on Tuesday.";

    @LocalServerPort
    int port;

    @Autowired
    OpenTasks openTasks;

    @Autowired
    OpenTasksRebuild rebuild;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void theSizesFollowEveryWayATaskIsTakenGivenBackHandedOnAndClosed() {
        long article = api.importArticle(TEXT);
        long claim = api.flag("edith", article, Map.of("quote", "Dovr", "category", "NAME"));
        String task = api.taskOf("fiona", claim);
        assertSizesMatchTheTable();

        assertThat(api.post("fiona", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertSizesMatchTheTable();
        assertThat(api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":null}",
                "application/json").status()).isEqualTo(204);
        assertSizesMatchTheTable();
        assertThat(api.send("farid", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"farid\"}",
                "application/json").status()).isEqualTo(204);
        assertSizesMatchTheTable();
        assertThat(api.post("farid", "/api/tasks/" + task + "/assign", Map.of("assignee", "fiona")).status())
                .isEqualTo(200);
        assertSizesMatchTheTable();
        assertThat(api.post("fiona", "/api/tasks/" + task + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "replacement", "Dover", "notice", "An earlier version misspelled Dover.")).status()).isEqualTo(204);
        // The editors' task opened, unheld, as the fact-checkers' one closed.
        assertSizesMatchTheTable();

        long other = api.flag("edith", article, Map.of("quote", "Calias", "category", "NAME"));
        String instance = tasks.createTaskQuery().taskId(api.taskOf("fiona", other)).singleResult()
                .getProcessInstanceId();
        assertThat(api.send("admin", "DELETE", "/engine-rest/process-instance/" + instance, null, null).status())
                .isEqualTo(204);
        assertSizesMatchTheTable();
        // Every page of the queue agrees with its total (TestApi.queue fails otherwise).
        assertThat(api.queue("fiona", "")).isNotEmpty();
        assertThat(api.queue("edith", "tab=unassigned")).isNotEmpty();
        // By step too, which the sizes keep apart: the total of one step is that step's tasks, every page agreeing.
        assertThat(api.queue("fiona", "step=" + ClaimReviewProcess.Element.TASK_VERIFY_CLAIM + "&tab=unassigned"))
                .isNotEmpty().allSatisfy(t -> assertThat(t.get("taskDefinitionKey").asText())
                        .isEqualTo(ClaimReviewProcess.Element.TASK_VERIFY_CLAIM));
        assertThat(api.queue("fiona", "step=" + ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION)).isEmpty();
    }

    @Test
    void aStepThatRollsBackLeavesTheSizesAsTheyWere() {
        long article = api.importArticle(TEXT);
        long claim = api.flag("edith", article, Map.of("quote", "Harwik", "category", "NAME"));
        String task = api.taskOf("fiona", claim);
        long before = openTasks.queueSize(ClaimReviewProcess.GROUP_FACT_CHECKERS);

        // Completing an unheld task claims it first; the verdict the listener refuses rolls the claim back too.
        assertThat(api.post("fiona", "/api/tasks/" + task + "/complete", Map.of("verdict", "ERROR_CONFIRMED"))
                .status()).isBetween(400, 499);

        assertThat(openTasks.find(task).orElseThrow().holder()).isNull();
        assertThat(openTasks.queueSize(ClaimReviewProcess.GROUP_FACT_CHECKERS)).isEqualTo(before);
        assertSizesMatchTheTable();
    }

    @Test
    void stepsThatOpenADesksFirstTasksAtOnceAllCommitAndAreAllCounted() throws Exception {
        // No size rows at all, as on a database whose desks have never had an unheld task: six flags at once each
        // find no row for the fact-checkers' Verify claim and try to make it.
        jdbc.sql("DELETE FROM review_queue_size").update();
        String[] towns = {"Dovr", "Calias", "Harwik"};
        List<Long> articles = List.of(api.importArticle(TEXT), api.importArticle(TEXT));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> flags = new java.util.ArrayList<>();
        try {
            for (long article : articles) {
                for (String town : towns) {
                    flags.add(pool.submit(() -> {
                        start.await();
                        return api.post("edith", "/api/articles/" + article + "/claims",
                                Map.of("quote", town, "category", "NAME")).status();
                    }));
                }
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> flag : flags) {
                assertThat(flag.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        // The size rows now count the six new tasks and nothing before them; a start counts the rest again.
        assertThat(openTasks.queueSize(ClaimReviewProcess.GROUP_FACT_CHECKERS)).isEqualTo(6);
        rebuild.run(null);
        assertSizesMatchTheTable();
    }

    @Test
    void aStartCountsTheSizesAgainFromTheTable() {
        jdbc.sql("UPDATE review_queue_size SET unheld = unheld + 1000").update();

        rebuild.run(null);

        assertSizesMatchTheTable();
    }

    @Test
    void aHolderWhoLeftTheGroupNoLongerSeesTheTaskInTheirQueue() {
        long article = api.importArticle(TEXT);
        long claim = api.flag("edith", article, Map.of("quote", "Calias", "category", "NAME"));
        String task = api.taskOf("farid", claim);
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(ids("farid", "tab=mine")).contains(task);

        // farid moves from the fact-checkers to the editors, still holding the verification.
        identity.createMembership("farid", ClaimReviewProcess.GROUP_EDITORS);
        identity.deleteMembership("farid", ClaimReviewProcess.GROUP_FACT_CHECKERS);
        try {
            assertThat(api.get("farid", "/api/tasks/" + task).status()).isEqualTo(403);
            assertThat(ids("farid", "tab=mine")).doesNotContain(task);
            assertThat(ids("farid", "")).doesNotContain(task);
            assertThat(api.get("farid", "/api/tasks?claim=" + claim).header("X-Total-Count")).isEqualTo("0");
        } finally {
            identity.createMembership("farid", ClaimReviewProcess.GROUP_FACT_CHECKERS);
            identity.deleteMembership("farid", ClaimReviewProcess.GROUP_EDITORS);
        }
        assertThat(ids("farid", "tab=mine")).contains(task);
    }

    private List<String> ids(String user, String filters) {
        return api.queue(user, filters).stream().map(t -> t.get("id").asText()).toList();
    }

    private void assertSizesMatchTheTable() {
        for (String group : List.of(ClaimReviewProcess.GROUP_FACT_CHECKERS, ClaimReviewProcess.GROUP_EDITORS,
                ClaimReviewProcess.GROUP_LEGAL)) {
            long inTable = jdbc.sql("SELECT COUNT(*) FROM review_task WHERE holder IS NULL AND work_group = ?")
                    .param(group).query(Long.class).single();
            assertThat(openTasks.queueSize(group)).as(group).isEqualTo(inTable);
        }
    }
}
