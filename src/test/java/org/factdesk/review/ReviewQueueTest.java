package org.factdesk.review;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The paged queue and FactDesk's table of open tasks behind it: tabs, filters, totals and links, and a table that
 * follows the engine whichever way a task is taken, given back, completed or ended.
 */
@FactDeskTest
class ReviewQueueTest {

    private static final String SHORT = "Ships docked at Hul, Grimsbi, Gool, Selbi and Wakefeld on Monday.";

    @LocalServerPort
    int port;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

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
    void pagesTheQueueWithATotalAndLinks() {
        long article = api.importArticle(SHORT);
        for (String quote : List.of("Hul", "Grimsbi", "Gool", "Selbi", "Wakefeld")) {
            flag(article, quote);
        }
        Answer first = api.get("fiona", "/api/tasks?article=" + article + "&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo("5");
        assertThat(first.header("Link")).contains("page=1>; rel=\"next\"").contains("page=2>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
        Answer last = api.get("fiona", "/api/tasks?article=" + article + "&size=2&page=2");
        assertThat(last.json()).hasSize(1);
        assertThat(last.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(api.queue("fiona", "article=" + article)).extracting(t -> t.get("id").asText())
                .doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void tabsSplitMineFromTheGroupsAndFindReturnedAndOverdueTasks() {
        long article = api.importArticle(SHORT);
        long mine = flag(article, "Hul");
        long open = flag(article, "Grimsbi");
        api.post("fiona", "/api/tasks/" + api.taskOf("fiona", mine) + "/claim", null);

        assertThat(claims("fiona", "tab=mine&article=" + article)).containsExactly(mine);
        assertThat(claims("fiona", "tab=unassigned&article=" + article)).containsExactly(open);
        assertThat(claims("farid", "tab=mine&article=" + article)).isEmpty();
        assertThat(claims("farid", "article=" + article)).containsExactly(open);
        assertThat(claims("edith", "article=" + article)).isEmpty();
        // Nothing is overdue yet: the routing decision gives hours.
        assertThat(claims("fiona", "tab=overdue&article=" + article)).isEmpty();
        assertThat(claims("fiona", "article=" + article + "&dueBefore=2999-01-01T00:00:00Z")).hasSize(2);

        api.work("fiona", mine, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Hull",
                "notice", "An earlier version of this article misspelled Hull."));
        assertThat(claims("edith", "article=" + article + "&step=" + ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION))
                .containsExactly(mine);
        api.work("edith", mine, Map.of("decision", "RETURN", "comment", "Check the port's own spelling."));
        // Back to its verifier, marked as returned.
        assertThat(claims("fiona", "tab=returned&article=" + article)).containsExactly(mine);
        assertThat(claims("fiona", "tab=mine&article=" + article)).containsExactly(mine);
    }

    @Test
    void refusesParametersItCannotReadWithWhatItTakes() {
        assertProblem(api.get("fiona", "/api/tasks?tab=someone"), "tab");
        assertProblem(api.get("fiona", "/api/tasks?size=0"), "size");
        assertProblem(api.get("fiona", "/api/tasks?size=201"), "size");
        assertProblem(api.get("fiona", "/api/tasks?page=-1"), "page");
        assertProblem(api.get("fiona", "/api/tasks?step=Task_Other"), "step");
        assertProblem(api.get("fiona", "/api/tasks?dueBefore=tomorrow"), "dueBefore");
        assertProblem(api.get("fiona", "/api/tasks?category=GOSSIP"), "category");
    }

    @Test
    void theTableFollowsTheEngineWhicheverWayATaskChangesHands() {
        long article = api.importArticle(SHORT);
        long claim = flag(article, "Selbi");
        String task = api.taskOf("fiona", claim);
        // Taken and given back through Camunda's own REST API, not FactDesk's.
        assertThat(api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}",
                "application/json").status()).isEqualTo(204);
        assertThat(holderInTable(task)).isEqualTo("fiona");
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(api.claim(claim).get("heldBy").asText()).isEqualTo("fiona");
        // Given back as Tasklist does it for a candidate: a claim for nobody.
        assertThat(api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":null}",
                "application/json").status()).isEqualTo(204);
        assertThat(holderInTable(task)).isNull();
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("FLAGGED");
        assertThat(api.claim(claim).has("heldBy")).isFalse();

        // An admin ending the review deletes its task, and its row.
        String instance = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        assertThat(api.send("admin", "DELETE", "/engine-rest/process-instance/" + instance, null, null).status())
                .isEqualTo(204);
        assertThat(openTasks.find(task)).isEmpty();
        assertThat(api.get("fiona", "/api/tasks?claim=" + claim).json()).isEmpty();
    }

    @Test
    void aTableThatLostItsRowsIsRebuiltFromTheEngineOnStart() throws Exception {
        long article = api.importArticle(SHORT);
        long claim = flag(article, "Wakefeld");
        String task = api.taskOf("farid", claim);
        api.post("farid", "/api/tasks/" + task + "/claim", null);
        jdbc.sql("DELETE FROM review_task").update();
        assertThat(api.get("farid", "/api/tasks?claim=" + claim).json()).isEmpty();

        rebuild.run(null);

        // The table holds the claims' review tasks and the triage of reader reports alike.
        String[] queued = {ClaimReviewProcess.PROCESS_ID, ReaderReportProcess.PROCESS_ID};
        long inEngine = tasks.createTaskQuery().processDefinitionKeyIn(queued).count();
        assertThat(openTasks.count()).isEqualTo(inEngine);
        for (Task open : tasks.createTaskQuery().processDefinitionKeyIn(queued).list()) {
            boolean triage = ReaderReportProcess.Element.TASK_TRIAGE_REPORT.equals(open.getTaskDefinitionKey());
            assertThat(openTasks.find(open.getId())).as(open.getId()).hasValueSatisfying(row -> {
                assertThat(row.holder()).isEqualTo(open.getAssignee());
                assertThat(row.reportId() != null).isEqualTo(triage);
                assertThat(row.claimId() != null).isEqualTo(!triage);
            });
        }
        JsonNode again = api.get("farid", "/api/tasks?claim=" + claim).json();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("assignee").asText()).isEqualTo("farid");
    }

    private List<Long> claims(String user, String filters) {
        return api.queue(user, filters).stream().map(t -> t.get("claimId").asLong()).toList();
    }

    private String holderInTable(String task) {
        return openTasks.find(task).map(OpenTask::holder).orElse(null);
    }

    private long flag(long article, String quote) {
        return api.flag("fiona", article, Map.of("quote", quote, "category", "NAME"));
    }

    private static void assertProblem(Answer answer, String mentioning) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("detail").asText()).contains(mentioning);
    }
}
