package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.identity.Groups;
import org.factdesk.identity.UserDirectory;
import org.factdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Whoever flagged or verified a claim can neither take nor complete its approval, through the API or the engine. */
@FactDeskTest
class FourEyesTest {

    /** A fact-checker who is also an editor, so only four-eyes can stop them approving what they verified. */
    private static final String VERA = "vera";
    private static final String FOUR_EYES = "urn:factdesk:problem:four-eyes";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    UserDirectory users;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        users.ensureUser(VERA, "Vera", "Verifier", TestApi.PASSWORD, List.of(Groups.FACT_CHECKERS, Groups.EDITORS));
    }

    @Test
    void rejectsApprovalByTheEditorWhoFlaggedTheClaimButNotByAnother() {
        long claim = claimAwaitingApproval("elliot", "fiona");
        String approval = api.taskOf("elliot", claim);

        Answer take = api.post("elliot", "/api/tasks/" + approval + "/claim", null);
        Answer approve = api.post("elliot", "/api/tasks/" + approval + "/complete", Map.of("decision", "APPROVE"));

        assertFourEyes(take, "elliot flagged claim " + claim);
        assertFourEyes(approve, "elliot flagged claim " + claim);
        assertThat(openTask(approval).getAssignee()).isNull();
        assertThat(state(claim)).isEqualTo("AWAITING_APPROVAL");
        assertThat(actions(claim)).doesNotContain("APPROVED");

        approveAndAwaitPublication("edith", claim);
        assertThat(api.claim(claim).get("decidedBy").asText()).isEqualTo("edith");
    }

    @Test
    void rejectsApprovalByTheEditorWhoVerifiedTheClaimButNotByAnother() {
        long claim = claimAwaitingApproval("fiona", VERA);
        String approval = api.taskOf(VERA, claim);

        Answer take = api.post(VERA, "/api/tasks/" + approval + "/claim", null);
        Answer approve = api.post(VERA, "/api/tasks/" + approval + "/complete", Map.of("decision", "APPROVE"));

        assertFourEyes(take, "vera verified claim " + claim);
        assertFourEyes(approve, "vera verified claim " + claim);
        assertThat(openTask(approval).getAssignee()).isNull();
        assertThat(state(claim)).isEqualTo("AWAITING_APPROVAL");
        assertThat(actions(claim)).doesNotContain("APPROVED");

        approveAndAwaitPublication("edith", claim);
    }

    @Test
    void taskServiceRefusesTheFlaggerAsAssigneeOfTheApproval() {
        long claim = claimAwaitingApproval("elliot", VERA);
        String approval = approvalTaskOf(claim);

        Throwable refusal = catchThrowable(() -> taskService.claim(approval, "elliot"));

        assertFourEyes(refusal, "elliot flagged claim " + claim);
        assertThat(openTask(approval).getAssignee()).isNull();
        assertThat(actions(claim)).doesNotContain("APPROVED");
    }

    @Test
    void taskServiceRefusesTheVerifierCompletingTheApproval() {
        long claim = claimAwaitingApproval("elliot", VERA);
        String approval = approvalTaskOf(claim);

        Throwable refusal = completeAs(VERA, approval, Map.of("decision", "APPROVE"));

        assertFourEyes(refusal, "vera verified claim " + claim);
        assertThat(openTask(approval)).isNotNull();
        assertThat(state(claim)).isEqualTo("AWAITING_APPROVAL");
        assertThat(actions(claim)).doesNotContain("APPROVED");
    }

    @Test
    void taskServiceLetsAnotherEditorCompleteTheApproval() {
        long claim = claimAwaitingApproval("elliot", VERA);

        Throwable refusal = completeAs("edith", approvalTaskOf(claim), Map.of("decision", "APPROVE"));

        assertThat(refusal).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(state(claim)));
        assertThat(actions(claim)).contains("APPROVED");
    }

    @Test
    void taskServiceRefusesAFactCheckerAsApprover() {
        long claim = claimAwaitingApproval("elliot", VERA);
        String approval = approvalTaskOf(claim);

        Throwable refusal = catchThrowable(() -> taskService.claim(approval, "farid"));

        assertThat(refusal).isNotNull();
        assertThat(openTask(approval).getAssignee()).isNull();
    }

    /** A claim flagged by {@code flagger} on a fresh article, verified as an error by {@code verifier}. */
    private long claimAwaitingApproval(String flagger, String verifier) {
        long article = api.importArticle("The new stadium in Cardif seats 30,000 people.",
                "It opens in the spring.");
        long claim = api.flag(flagger, article, Map.of("quote", "Cardif", "category", "TYPO",
                "replacement", "Cardiff", "note", "The city is Cardiff."));
        String verification = api.taskOf(verifier, claim);
        Answer verdict = api.post(verifier, "/api/tasks/" + verification + "/complete", Map.of(
                "verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Cardiff."));
        assertThat(verdict.status()).as("verdict: %s", verdict).isEqualTo(204);
        assertThat(state(claim)).isEqualTo("AWAITING_APPROVAL");
        return claim;
    }

    private void approveAndAwaitPublication(String editor, long claim) {
        Answer approved = api.post(editor, "/api/tasks/" + api.taskOf(editor, claim) + "/complete",
                Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as("approval: %s", approved).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(state(claim)));
        assertThat(actions(claim)).containsOnlyOnce("APPROVED");
    }

    private String approvalTaskOf(long claim) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION).singleResult().getId();
    }

    /** Completes a task through the engine as {@code user}, as Tasklist would; returns the refusal, if any. */
    private Throwable completeAs(String user, String taskId, Map<String, Object> variables) {
        // As Tasklist does: the user with their groups, which the engine's authorization checks go by.
        identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            return catchThrowable(() -> taskService.complete(taskId, variables));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task openTask(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).singleResult();
    }

    private String state(long claim) {
        return api.claim(claim).get("state").asText();
    }

    private List<String> actions(long claim) {
        List<String> actions = new ArrayList<>();
        api.get("audrey", "/api/claims/" + claim + "/history").json()
                .forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    private static void assertFourEyes(Answer answer, String who) {
        assertThat(answer.status()).as("answer: %s", answer).isEqualTo(403);
        assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo(FOUR_EYES);
        assertThat(problem.get("detail").asText()).contains(who).contains("may not approve");
    }

    private static void assertFourEyes(Throwable refusal, String who) {
        assertThat(refusal).as("the engine refused").isNotNull();
        ProblemException problem = null;
        for (Throwable cause = refusal; cause != null && problem == null; cause = cause.getCause()) {
            if (cause instanceof ProblemException found) {
                problem = found;
            }
        }
        assertThat(problem).as("a FactDesk refusal in %s", refusal).isNotNull();
        assertThat(problem.type()).isEqualTo("four-eyes");
        assertThat(problem.getMessage()).contains(who).contains("may not approve");
    }
}
