package org.factdesk.review;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.testing.EngineCalls;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.testing.WebSession;
import org.factdesk.identity.Groups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The review rules under attack through Camunda's own doors: the engine REST API, the engine API Tasklist uses, and
 * the engine's services called as a signed-in user (what any other client of the engine would do). Each attack is
 * tried on the outer door (FactDesk's HTTP rules) and, where that door could be opened, on the engine itself, so
 * that neither layer is the only one holding.
 */
@FactDeskTest
class EngineApiAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    // 1. A fact-checker makes herself an admin.

    @Test
    void factCheckerCannotChangeUsersGroupsOrAuthorizationsThroughTheEngineRestApi() {
        assertRefused(api.send("fiona", "POST", "/engine-rest/user/create", newUser("mallory"), "application/json"));
        assertRefused(api.send("fiona", "PUT", "/engine-rest/group/admins/members/fiona", null, null));
        assertRefused(api.send("fiona", "PUT", "/engine-rest/group/editors/members/fiona", null, null));
        assertRefused(api.send("fiona", "PUT", "/engine-rest/user/elliot/credentials",
                "{\"password\":\"owned\",\"authenticatedUserPassword\":\"demo\"}", "application/json"));
        assertRefused(api.send("fiona", "POST", "/engine-rest/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"fiona\",\"resourceType\":0,\"resourceId\":\"*\"}",
                "application/json"));
        assertRefused(api.send("edith", "DELETE", "/engine-rest/user/elliot", null, null));

        assertNothingChangedInTheDirectory();
    }

    @Test
    void factCheckerCannotChangeUsersGroupsOrAuthorizationsThroughTasklistsEngineApi() {
        WebSession fiona = WebSession.signIn(port, "fiona");

        assertRefused(fiona.camunda("POST", "/user/create", newUser("mallory")));
        assertRefused(fiona.camunda("PUT", "/group/admins/members/fiona", null));
        assertRefused(fiona.camunda("PUT", "/group/editors/members/fiona", null));
        assertRefused(fiona.camunda("PUT", "/user/elliot/credentials",
                "{\"password\":\"owned\",\"authenticatedUserPassword\":\"demo\"}"));
        // The same session may still read what Tasklist shows: the refusals are not a broken session.
        assertThat(fiona.camunda("GET", "/task/count", null).status()).isEqualTo(200);

        assertNothingChangedInTheDirectory();
    }

    @Test
    void theEngineItselfRefusesADirectoryChangeByAFactChecker() {
        assertThat(EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() -> identityService.createMembership("fiona", Groups.ADMINS))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() -> identityService.saveUser(identityService.newUser("mallory")))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> identityService.createMembership("edith", Groups.ADMINS))))
                .isInstanceOf(AuthorizationException.class);

        assertNothingChangedInTheDirectory();
    }

    // 2. Four-eyes bypass through task-local variables.

    @Test
    void aFlaggerCannotRedirectAnApprovalToAnotherClaimThroughVariables() {
        long own = awaitingApproval("elliot", "fiona");
        long other = awaitingApproval("edith", "farid");
        String approval = approvalTaskOf(own);

        assertRefused(api.send("elliot", "PUT", "/engine-rest/task/" + approval + "/localVariables/claimId",
                "{\"value\":" + other + ",\"type\":\"Long\"}", "application/json"));
        assertRefused(api.send("elliot", "PUT", "/engine-rest/task/" + approval + "/variables/claimId",
                "{\"value\":" + other + ",\"type\":\"Long\"}", "application/json"));
        Answer completed = api.send("elliot", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"claimId\":{\"value\":" + other
                        + ",\"type\":\"Long\"}}}", "application/json");

        assertThat(completed.status()).as("%s", completed).isEqualTo(403);
        assertThat(completed.isProblem()).as("%s", completed).isTrue();
        assertUnapproved(own);
        assertUnapproved(other);
        assertThat(api.get("audrey", "/api/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theEngineRefusesACompletionThatShadowsTheClaimWithATaskLocalVariable() {
        long own = awaitingApproval("elliot", "fiona");
        long other = awaitingApproval("farid", "fiona");
        String approval = approvalTaskOf(own);

        assertThat(EngineCalls.asUser(identityService, "elliot", () -> catchThrowable(() -> taskService.setVariableLocal(approval, "claimId", other))))
                .as("a candidate may not write variables").isInstanceOf(AuthorizationException.class);
        // Even where a variable gets there (an administrator's slip), a legitimate editor's completion is refused.
        taskService.setVariableLocal(approval, "claimId", other);
        Throwable refusal = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() ->
                taskService.complete(approval, Map.of("decision", "APPROVE"))));

        assertThat(EngineCalls.problemIn(refusal)).isNotNull();
        assertThat(EngineCalls.problemIn(refusal).type()).isEqualTo("protected-variable");
        taskService.removeVariableLocal(approval, "claimId");
        assertUnapproved(own);
        assertUnapproved(other);
    }

    @Test
    void aCompletionMayNotRewriteWhoVerifiedOrFlaggedTheClaim() {
        long claim = awaitingApproval("farid", "fiona");
        String approval = approvalTaskOf(claim);

        Throwable refusal = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> taskService.complete(approval,
                Map.of("decision", "APPROVE", "verifiedBy", "someone-else"))));

        assertThat(EngineCalls.problemIn(refusal)).isNotNull();
        assertThat(EngineCalls.problemIn(refusal).type()).isEqualTo("protected-variable");
        assertUnapproved(claim);
    }

    @Test
    void aCompletionMayNotAddVariablesOfItsOwn() {
        long claim = awaitingApproval("farid", "fiona");
        String approval = approvalTaskOf(claim);

        Answer completed = api.send("edith", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"skipPublication\":{\"value\":true}}}",
                "application/json");

        assertThat(completed.status()).as("%s", completed).isEqualTo(403);
        assertThat(completed.json().get("type").asText()).isEqualTo("urn:factdesk:problem:protected-variable");
        assertThat(completed.json().get("detail").asText()).contains("skipPublication");
        assertUnapproved(claim);
    }

    @Test
    void aCandidateCannotCompleteOrGiveBackATaskAColleagueHolds() {
        long claim = flagged("edith");
        String verification = api.taskOf("farid", claim);
        assertThat(api.post("farid", "/api/tasks/" + verification + "/claim", null).status()).isEqualTo(200);

        Answer completed = api.send("fiona", "POST", "/engine-rest/task/" + verification + "/complete",
                "{\"variables\":{\"verdict\":{\"value\":\"NOT_AN_ERROR\"},\"note\":{\"value\":\"fine\"}}}",
                "application/json");
        Answer released = api.send("fiona", "POST", "/engine-rest/task/" + verification + "/claim",
                "{\"userId\":null}", "application/json");
        Throwable direct = EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() -> taskService.claim(verification, null)));

        assertThat(completed.status()).as("%s", completed).isEqualTo(409);
        assertThat(completed.isProblem()).isTrue();
        assertThat(released.status()).as("%s", released).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(EngineCalls.problemIn(direct).type()).isEqualTo("task-already-claimed");
        assertThat(taskService.createTaskQuery().taskId(verification).singleResult().getAssignee()).isEqualTo("farid");
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anOverlongCommentThroughTheEngineRestApiIsRefusedBeforeAnythingIsWritten() {
        long claim = awaitingApproval("farid", "fiona");
        String approval = approvalTaskOf(claim);
        String comment = "x".repeat(1_000_000);

        Answer completed = api.send("edith", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"REJECT\"},\"comment\":{\"value\":\"" + comment
                        + "\"}}}", "application/json");

        assertThat(completed.status()).as("%s", completed.status()).isEqualTo(400);
        assertThat(completed.json().get("type").asText()).isEqualTo("urn:factdesk:problem:field-too-long");
        assertThat(completed.json().get("detail").asText()).contains("'comment'", "3000");
        assertUnapproved(claim);
    }

    // 3. A fact-checker approves by adding her group.

    @Test
    void aFactCheckerCannotApproveByAddingHerGroupToTheTask() {
        long claim = awaitingApproval("farid", "farid");
        String approval = approvalTaskOf(claim);

        assertRefused(api.send("fiona", "POST", "/engine-rest/task/" + approval + "/identity-links",
                "{\"groupId\":\"fact-checkers\",\"type\":\"candidate\"}", "application/json"));
        assertThat(EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() ->
                taskService.addCandidateGroup(approval, Groups.FACT_CHECKERS))))
                .isInstanceOf(AuthorizationException.class);
        // Added anyway (as an administrator could), the group still does not make her an approver.
        taskService.addCandidateGroup(approval, Groups.FACT_CHECKERS);
        Answer completed = api.send("fiona", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", "application/json");
        Throwable direct = EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() ->
                taskService.complete(approval, Map.of("decision", "APPROVE"))));

        assertThat(completed.status()).as("%s", completed).isEqualTo(403);
        assertThat(completed.json().get("type").asText()).isEqualTo("urn:factdesk:problem:not-your-task");
        assertThat(EngineCalls.problemIn(direct).type()).isEqualTo("not-your-task");
        taskService.deleteCandidateGroup(approval, Groups.FACT_CHECKERS);
        assertUnapproved(claim);
    }

    @Test
    void aFlaggerCompletingHerOwnApprovalThroughEitherEngineApiGetsTheFourEyesProblem() {
        long claim = awaitingApproval("elliot", "fiona");
        String approval = approvalTaskOf(claim);

        Answer rest = api.send("elliot", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", "application/json");
        Answer tasklist = WebSession.signIn(port, "elliot").camunda("POST", "/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");

        for (Answer answer : List.of(rest, tasklist)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:factdesk:problem:four-eyes");
        }
        assertUnapproved(claim);
    }

    // 4. A review ends without a trace.

    @Test
    void aFactCheckerCannotEndAReviewWithABpmnErrorOrCreateTasks() {
        long claim = flagged("farid");
        String verification = api.taskOf("fiona", claim);

        assertRefused(api.send("fiona", "POST", "/engine-rest/task/" + verification + "/bpmnError",
                "{\"errorCode\":\"TEXT_CHANGED\"}", "application/json"));
        assertRefused(WebSession.signIn(port, "fiona").camunda("POST", "/task/" + verification + "/bpmnError",
                "{\"errorCode\":\"TEXT_CHANGED\"}"));
        Throwable direct = EngineCalls.asUser(identityService, "fiona", () -> catchThrowable(() ->
                taskService.handleBpmnError(verification, "TEXT_CHANGED")));
        assertRefused(api.send("fiona", "POST", "/engine-rest/task/create", "{\"name\":\"Approve correction\"}",
                "application/json"));
        assertRefused(api.send("edith", "POST", "/engine-rest/task/create", "{\"name\":\"Approve correction\"}",
                "application/json"));
        Throwable created = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> taskService.saveTask(taskService.newTask())));

        assertThat(EngineCalls.problemIn(direct)).as("%s", direct).isNotNull();
        assertThat(EngineCalls.problemIn(direct).type()).isEqualTo("review-cannot-end-here");
        assertThat(created).isInstanceOf(AuthorizationException.class);
        assertThat(taskService.createTaskQuery().taskId(verification).count()).isEqualTo(1);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("FLAGGED");
    }

    @Test
    void anAdministratorCancellingAReviewLeavesTheClaimCancelledWithAnEntry() {
        long claim = flagged("farid");
        String instance = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();

        Answer deleted = api.send("admin", "DELETE", "/engine-rest/process-instance/" + instance, null, null);

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("CANCELLED");
        JsonNode history = api.get("audrey", "/api/claims/" + claim + "/history").json();
        assertThat(history.findValuesAsText("action")).contains("CANCELLED");
        assertThat(history.findValuesAsText("actor")).contains("admin");
    }

    // Helpers.

    private void assertNothingChangedInTheDirectory() {
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
        assertThat(EngineCalls.groupsOf(identityService, "fiona")).containsExactly(Groups.FACT_CHECKERS);
        assertThat(EngineCalls.groupsOf(identityService, "edith")).containsExactly(Groups.EDITORS);
        assertThat(identityService.checkPassword("elliot", TestApi.PASSWORD)).isTrue();
        assertThat(api.get("fiona", "/api/tasks").status()).isEqualTo(200);
    }

    private static void assertRefused(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(403);
    }

    private void assertUnapproved(long claim) {
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        JsonNode history = api.get("audrey", "/api/claims/" + claim + "/history").json();
        assertThat(history.findValuesAsText("action")).doesNotContain("APPROVED", "PUBLISHED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION).count()).isEqualTo(1);
    }

    private long flagged(String flagger) {
        long article = api.importArticle("The new stadium in Cardif seats 30,000 people.", "It opens in the spring.");
        return api.flag(flagger, article, Map.of("quote", "Cardif", "category", "TYPO", "replacement", "Cardiff"));
    }

    private long awaitingApproval(String flagger, String verifier) {
        long claim = flagged(flagger);
        api.work(verifier, claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Cardiff."));
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        return claim;
    }

    private String approvalTaskOf(long claim) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION).singleResult();
        return task.getId();
    }

    private static String newUser(String id) {
        return "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@x.invalid\"},"
                + "\"credentials\":{\"password\":\"pw\"}}";
    }
}
