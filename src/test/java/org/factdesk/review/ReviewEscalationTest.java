package org.factdesk.review;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.identity.Groups;
import org.factdesk.testing.EngineCalls;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.factdesk.review.ClaimReviewProcess.Element;

/**
 * Deadlines that escalate, on the whole application: a review task's "Due soon" timer reminds its holder or its
 * group, its "Overdue" timer raises its priority and lets the desk leads work it, and the review's rules keep holding
 * on every door. A desk lead cannot work a task before it is escalated, four-eyes binds desk leads too, and nobody
 * escalates a task by hand. The timers are run as the job executor would run them once due
 * ({@code ManagementService.executeJob}); the shared engine's clock is never moved, so other tests' timers stay put.
 */
@FactDeskTest
class ReviewEscalationTest {

    private static final String DANA = "dana";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

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
    void aDeskLeadWorksAVerificationOnlyOnceItIsEscalated() {
        long claim = flagged("elliot");
        String verification = taskOf(claim, Element.TASK_VERIFY_CLAIM);
        int routed = priorityOf(verification);

        // Before: not in her queue, and refused on FactDesk's API, the engine REST API and the engine itself.
        assertThat(api.taskOf(DANA, claim)).isNull();
        assertProblem(api.post(DANA, "/api/tasks/" + verification + "/claim", null), 403, "not-your-task");
        assertThat(api.send(DANA, "POST", "/engine-rest/task/" + verification + "/claim",
                "{\"userId\":\"dana\"}", "application/json").status()).isEqualTo(403);
        assertThat(EngineCalls.asUser(identityService, DANA, () -> catchThrowable(() -> taskService.claim(verification, DANA))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(taskService.createTaskQuery().taskId(verification).singleResult().getAssignee()).isNull();

        runTimer(claim, Element.BOUNDARY_VERIFY_OVERDUE);

        JsonNode escalated = queued(DANA, claim);
        assertThat(escalated.get("escalated").asBoolean()).isTrue();
        assertThat(escalated.get("priority").asInt()).isEqualTo(Math.min(100, routed + 20));
        assertThat(priorityOf(verification)).isEqualTo(Math.min(100, routed + 20));
        assertThat(queued("fiona", claim).get("escalated").asBoolean()).as("still the fact-checkers' too").isTrue();
        Answer claimed = api.send(DANA, "POST", "/engine-rest/task/" + verification + "/claim",
                "{\"userId\":\"dana\"}", "application/json");
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
        Answer completed = api.post(DANA, "/api/tasks/" + verification + "/complete", Map.of(
                "verdict", "ERROR_CONFIRMED", "notice", "An earlier version of this article misspelled Cardiff."));
        assertThat(completed.status()).as("%s", completed).isEqualTo(204);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(actions(claim)).containsSubsequence("FLAGGED", "ESCALATED", "CLAIMED", "VERDICT");
        assertThat(entry(claim, "ESCALATED").get("detail").asText())
                .contains("Verify claim", "priority " + routed + " to ", "desk-leads may now work it");
    }

    @Test
    void aTaskIsGivenToADeskLeadOnlyOnceItIsEscalated() {
        long claim = flagged("elliot");
        String verification = taskOf(claim, Element.TASK_VERIFY_CLAIM);

        Answer before = api.post("fiona", "/api/tasks/" + verification + "/assign", Map.of("assignee", DANA));
        assertProblem(before, 422, "assignee-not-allowed");
        assertThat(before.json().get("detail").asText()).contains("work for fact-checkers");

        runTimer(claim, Element.BOUNDARY_VERIFY_OVERDUE);

        Answer after = api.post("fiona", "/api/tasks/" + verification + "/assign", Map.of("assignee", DANA));
        assertThat(after.status()).as("%s", after).isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(verification).singleResult().getAssignee()).isEqualTo(DANA);
        assertThat(entry(claim, "ASSIGNED").get("actor").asText()).isEqualTo("fiona");
    }

    @Test
    void aDeskLeadWhoVerifiedMayNotApproveEvenOnceTheApprovalIsEscalated() {
        long claim = verifiedByDana();
        String approval = taskOf(claim, Element.TASK_APPROVE_CORRECTION);
        assertProblem(api.post(DANA, "/api/tasks/" + approval + "/claim", null), 403, "not-your-task");

        runTimer(claim, Element.BOUNDARY_APPROVAL_OVERDUE);

        assertProblem(api.send(DANA, "POST", "/engine-rest/task/" + approval + "/claim", "{\"userId\":\"dana\"}",
                "application/json"), 403, "four-eyes");
        assertProblem(api.send(DANA, "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", "application/json"), 403, "four-eyes");
        assertProblem(api.post(DANA, "/api/tasks/" + approval + "/complete", Map.of("decision", "APPROVE")), 403,
                "four-eyes");
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        // An editor still approves it as ever.
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");
    }

    @Test
    void aFactCheckerCannotEscalateATaskHerselfNorUseAnEscalationToApprove() {
        long claim = flagged("elliot");
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Cardiff."));
        String approval = taskOf(claim, Element.TASK_APPROVE_CORRECTION);
        String overdue = timer(claim, Element.BOUNDARY_APPROVAL_OVERDUE).getId();

        // Escalating by hand: running the timer, or adding the desk leads to the task.
        assertThat(api.send("fiona", "POST", "/engine-rest/job/" + overdue + "/execute", null, null).status())
                .isEqualTo(403);
        assertThat(EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() -> managementService.executeJob(overdue))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(api.send("fiona", "POST", "/engine-rest/task/" + approval + "/identity-links",
                "{\"groupId\":\"desk-leads\",\"type\":\"candidate\"}", "application/json").status()).isEqualTo(403);
        assertThat(priorityOf(approval)).isLessThan(100);
        assertThat(actions(claim)).doesNotContain("ESCALATED");

        runTimer(claim, Element.BOUNDARY_APPROVAL_OVERDUE);

        // Escalated, the approval is work for editors and desk leads; the fact-checker is neither.
        assertProblem(api.send("fiona", "POST", "/engine-rest/task/" + approval + "/claim", "{\"userId\":\"fiona\"}",
                "application/json"), 403, null);
        assertProblem(api.post("fiona", "/api/tasks/" + approval + "/complete", Map.of("decision", "APPROVE")), 403,
                "not-your-task");
        // Made a desk lead as well, she verified the claim, so four-eyes still keeps her from approving it.
        identityService.createMembership("fiona", Groups.DESK_LEADS);
        try {
            assertProblem(api.send("fiona", "POST", "/engine-rest/task/" + approval + "/claim",
                    "{\"userId\":\"fiona\"}", "application/json"), 403, "four-eyes");
            Throwable direct = EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() ->
                    taskService.complete(approval, Map.of("decision", "APPROVE"))));
            assertThat(EngineCalls.problemIn(direct)).as("%s", direct).isNotNull();
            assertThat(EngineCalls.problemIn(direct).type()).isEqualTo("four-eyes");
        } finally {
            identityService.deleteMembership("fiona", Groups.DESK_LEADS);
        }
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theReminderGoesToTheGroupWhileNobodyHoldsTheTaskAndToTheHolderOnceSomeoneDoes() {
        long claim = flagged("elliot");
        runTimer(claim, Element.BOUNDARY_VERIFY_REMINDER);
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Cardiff."));
        String approval = taskOf(claim, Element.TASK_APPROVE_CORRECTION);
        assertThat(api.post("edith", "/api/tasks/" + approval + "/claim", null).status()).isEqualTo(200);

        runTimer(claim, Element.BOUNDARY_APPROVAL_REMINDER);

        List<JsonNode> reminders = entries(claim, "REMINDED");
        assertThat(reminders).hasSize(2);
        assertThat(reminders.get(0).get("detail").asText()).contains("Verify claim", "fact-checkers",
                "nobody holds it");
        assertThat(reminders.get(1).get("detail").asText()).contains("Approve correction", "reminded edith");
        assertThat(reminders).allSatisfy(entry -> assertThat(entry.get("actor").asText()).isEqualTo("system"));
        // A reminder leaves the task as it was.
        assertThat(taskService.createTaskQuery().taskId(approval).singleResult().getAssignee()).isEqualTo("edith");
        assertThat(actions(claim)).doesNotContain("ESCALATED");
    }

    @Test
    void aClaimVerifiedByADeskLeadAndReturnedGoesBackToTheFactCheckersQueue() {
        long claim = verifiedByDana();

        api.work("edith", claim, Map.of("decision", "RETURN", "comment", "Check the spelling on the council site."));

        String returned = taskOf(claim, Element.TASK_VERIFY_CLAIM);
        assertThat(taskService.createTaskQuery().taskId(returned).singleResult().getAssignee()).isNull();
        assertThat(queued("fiona", claim).get("escalated").asBoolean()).as("fresh, not escalated").isFalse();
        assertThat(api.taskOf(DANA, claim)).isNull();
        assertThat(timers(claim)).containsExactlyInAnyOrder(Element.BOUNDARY_VERIFY_REMINDER,
                Element.BOUNDARY_VERIFY_OVERDUE);
    }

    @Test
    void anEscalationOutlivesARebuildOfTheOpenTasksTable() {
        long claim = flagged("elliot");
        String verification = taskOf(claim, Element.TASK_VERIFY_CLAIM);
        runTimer(claim, Element.BOUNDARY_VERIFY_OVERDUE);

        jdbc.sql("DELETE FROM review_task").update();
        rebuild.run(null);

        assertThat(openTasks.find(verification)).hasValueSatisfying(task ->
                assertThat(task.isEscalated()).isTrue());
        assertThat(queued(DANA, claim).get("id").asText()).isEqualTo(verification);
    }

    // Helpers.

    private long flagged(String flagger) {
        long article = api.importArticle("The new stadium in Cardif seats 30,000 people.", "It opens in the spring.");
        return api.flag(flagger, article, Map.of("quote", "Cardif", "category", "TYPO", "replacement", "Cardiff"));
    }

    /** A claim whose escalated verification dana did, now awaiting approval. */
    private long verifiedByDana() {
        long claim = flagged("elliot");
        runTimer(claim, Element.BOUNDARY_VERIFY_OVERDUE);
        api.work(DANA, claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Cardiff."));
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        return claim;
    }

    private String taskOf(long claim, String step) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(step).singleResult();
        return task.getId();
    }

    private int priorityOf(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult().getPriority();
    }

    private Job timer(long claim, String boundaryEvent) {
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(instance).activityId(boundaryEvent)
                .singleResult();
    }

    private List<String> timers(long claim) {
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();
        return managementService.createJobQuery().processInstanceId(instance).timers().list().stream()
                .map(job -> managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult().getActivityId())
                .toList();
    }

    /** Runs the timer now, as the job executor does once it is due. */
    private void runTimer(long claim, String boundaryEvent) {
        managementService.executeJob(timer(claim, boundaryEvent).getId());
    }

    private JsonNode queued(String user, long claim) {
        JsonNode tasks = api.get(user, "/api/tasks?claim=" + claim).json();
        assertThat(tasks).as("%s's queue", user).hasSize(1);
        return tasks.get(0);
    }

    private List<String> actions(long claim) {
        return api.get("audrey", "/api/claims/" + claim + "/history").json().findValuesAsText("action");
    }

    private List<JsonNode> entries(long claim, String action) {
        List<JsonNode> found = new java.util.ArrayList<>();
        api.get("audrey", "/api/claims/" + claim + "/history").json().forEach(entry -> {
            if (action.equals(entry.get("action").asText())) {
                found.add(entry);
            }
        });
        return found;
    }

    private JsonNode entry(long claim, String action) {
        List<JsonNode> found = entries(claim, action);
        assertThat(found).as(action).hasSize(1);
        return found.get(0);
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        if (type != null) {
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.json().get("type").asText()).as("%s", answer).isEqualTo("urn:factdesk:problem:" + type);
        }
    }
}
