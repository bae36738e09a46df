package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.identity.Groups;
import org.factdesk.identity.UserDirectory;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A claim the routing table marks as a legal risk goes to a lawyer after the editor approves it: lena's queue shows
 * it, she clears it, rewrites its notice or blocks it; a routine claim never reaches her. Only a lawyer who neither
 * flagged, verified nor approved the claim may work the task, through FactDesk's API and the engine REST API alike.
 */
@FactDeskTest
class LegalReviewTest {

    /** An editor who is also a lawyer, so only four-eyes can stop her reviewing what she approved. */
    private static final String LARA = "lara";
    /** A fact-checker who is also a lawyer, so only four-eyes can stop him reviewing what he verified. */
    private static final String FERGUS = "fergus";
    private static final String FOUR_EYES = "urn:factdesk:problem:four-eyes";
    private static final String WORDING = "An earlier version of this article wrongly said the minister took a bribe.";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    UserDirectory users;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        users.ensureUser(LARA, "Lara", "Editor and counsel", TestApi.PASSWORD, List.of(Groups.EDITORS, Groups.LEGAL));
        users.ensureUser(FERGUS, "Fergus", "Fact-checker and counsel", TestApi.PASSWORD,
                List.of(Groups.FACT_CHECKERS, Groups.LEGAL));
    }

    @Test
    void anApprovedClaimOfLegalRiskWaitsInTheLawyersQueueAndNobodyElses() {
        long claim = approved("farid", "fiona", "edith");

        assertThat(api.claim(claim).get("state").asText()).isEqualTo("LEGAL_REVIEW");
        List<JsonNode> queue = api.queue("lena", "claim=" + claim);
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("taskDefinitionKey").asText()).isEqualTo(ClaimReviewProcess.Element.TASK_LEGAL_REVIEW);
        assertThat(queue.get(0).get("name").asText()).isEqualTo("Legal review");
        assertThat(queue.get(0).get("priority").asInt()).isEqualTo(90);
        assertThat(api.taskOf("edith", claim)).isNull();
        assertThat(api.taskOf("fiona", claim)).isNull();
        assertThat(api.get("audrey", "/api/articles/" + articleOf(claim)).json().get("corrections")).isEmpty();
    }

    @Test
    void aClearedClaimIsPublishedWithTheApprovedNotice() {
        long claim = approved("farid", "fiona", "edith");

        api.work("lena", claim, Map.of("decision", "CLEAR"));

        api.awaitState(claim, "PUBLISHED");
        JsonNode view = api.claim(claim);
        assertThat(view.get("legalDecision").asText()).isEqualTo("CLEAR");
        assertThat(view.get("legalBy").asText()).isEqualTo("lena");
        assertThat(notices(claim)).singleElement().asString().endsWith(WORDING);
        assertThat(actions(claim)).containsSubsequence("APPROVED", "CLAIMED", "LEGAL_CLEARED", "PUBLISHED");
    }

    @Test
    void aRewrittenNoticeIsTheOneReadersSee() {
        long claim = approved("farid", "fiona", "edith");
        String rewritten = "An earlier version of this article misreported a payment to the minister.";

        Answer withoutNotice = completeAs("lena", claim, Map.of("decision", "REWRITE"));
        api.work("lena", claim, Map.of("decision", "REWRITE", "notice", rewritten, "comment", "Defamation risk."));

        assertThat(withoutNotice.status()).as("%s", withoutNotice).isEqualTo(400);
        assertThat(withoutNotice.isProblem()).isTrue();
        assertThat(withoutNotice.json().get("detail").asText()).contains("REWRITE", "'notice'");
        api.awaitState(claim, "PUBLISHED");
        assertThat(notices(claim)).singleElement().asString().endsWith(rewritten);
        assertThat(api.get(null, "/public/articles/" + articleOf(claim)).body()).contains(rewritten)
                .doesNotContain(WORDING);
        assertThat(api.claim(claim).get("legalNotice").asText()).isEqualTo(rewritten);
        assertThat(actions(claim)).contains("NOTICE_REWRITTEN");
        JsonNode bundle = api.get("audrey", "/api/claims/" + claim + "/bundle").json();
        assertThat(bundle.get("legal").get("decision").asText()).isEqualTo("REWRITE");
        assertThat(bundle.get("legal").get("by").asText()).isEqualTo("lena");
        assertThat(bundle.get("legal").get("notice").asText()).isEqualTo(rewritten);
        assertThat(bundle.get("legal").get("at").isNull()).isFalse();
        assertThat(bundle.get("publication").get("notice").asText()).endsWith(rewritten);
    }

    @Test
    void aBlockedClaimPublishesNothingAndRecordsTheReason() {
        long claim = approved("farid", "fiona", "edith");

        Answer withoutReason = completeAs("lena", claim, Map.of("decision", "BLOCK"));
        api.work("lena", claim, Map.of("decision", "BLOCK", "comment", "The source is under a court order."));

        assertThat(withoutReason.status()).as("%s", withoutReason).isEqualTo(400);
        assertThat(withoutReason.json().get("detail").asText()).contains("BLOCK", "'comment'");
        JsonNode view = api.claim(claim);
        assertThat(view.get("state").asText()).isEqualTo("BLOCKED");
        assertThat(view.get("legalComment").asText()).isEqualTo("The source is under a court order.");
        assertThat(notices(claim)).isEmpty();
        assertThat(api.get("audrey", "/api/articles/" + articleOf(claim)).json().get("revision").asInt()).isEqualTo(1);
        assertThat(actions(claim)).contains("LEGAL_BLOCKED").doesNotContain("PUBLISHED");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim)).count()).isZero();
    }

    @Test
    void aRoutineClaimIsPublishedWithoutLegalReview() {
        long article = api.importArticle("The council spent \u00a34m on the bridge.");
        long claim = api.flag("farid", article, Map.of("quote", "\u00a34m", "category", "NUMBER",
                "severity", "MEDIUM", "replacement", "\u00a35m"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article gave the cost as \u00a34m."));
        api.work("edith", claim, Map.of("decision", "APPROVE"));

        api.awaitState(claim, "PUBLISHED");
        assertThat(actions(claim)).doesNotContain("LEGAL_CLEARED", "NOTICE_REWRITTEN", "LEGAL_BLOCKED");
    }

    @Test
    void theLawyerMayNotReviewAClaimSheApprovedThroughTheApiOrTheEngineRestApi() {
        long claim = approved("farid", "fiona", LARA);
        String task = legalTaskOf(claim);

        Answer take = api.post(LARA, "/api/tasks/" + task + "/claim", null);
        Answer complete = api.post(LARA, "/api/tasks/" + task + "/complete", Map.of("decision", "CLEAR"));
        Answer rest = engineComplete(LARA, task, "CLEAR");
        Answer restClaim = api.send(LARA, "POST", "/engine-rest/task/" + task + "/claim",
                "{\"userId\":\"" + LARA + "\"}", "application/json");

        for (Answer answer : List.of(take, complete, rest, restClaim)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.isProblem()).as("%s", answer).isTrue();
            assertThat(answer.json().get("type").asText()).isEqualTo(FOUR_EYES);
            assertThat(answer.json().get("detail").asText()).contains(LARA + " approved claim " + claim);
        }
        assertStillInLegalReview(claim, task);
        api.work("lena", claim, Map.of("decision", "CLEAR"));
        api.awaitState(claim, "PUBLISHED");
    }

    @Test
    void theLawyerMayNotReviewAClaimHeVerifiedOrFlagged() {
        long verified = approved("farid", FERGUS, "edith");
        long flagged = approved(FERGUS, "fiona", "edith");

        Answer onVerified = engineComplete(FERGUS, legalTaskOf(verified), "CLEAR");
        Answer onFlagged = api.post(FERGUS, "/api/tasks/" + legalTaskOf(flagged) + "/claim", null);

        assertThat(onVerified.status()).as("%s", onVerified).isEqualTo(403);
        assertThat(onVerified.json().get("detail").asText()).contains(FERGUS + " verified claim " + verified);
        assertThat(onFlagged.status()).as("%s", onFlagged).isEqualTo(403);
        assertThat(onFlagged.json().get("detail").asText()).contains(FERGUS + " flagged claim " + flagged);
        assertStillInLegalReview(verified, legalTaskOf(verified));
        assertStillInLegalReview(flagged, legalTaskOf(flagged));
    }

    @Test
    void onlyALawyerMayWorkTheLegalReview() {
        long claim = approved("farid", "fiona", "edith");
        String task = legalTaskOf(claim);

        Answer editorApi = api.post("elliot", "/api/tasks/" + task + "/claim", null);
        Answer editorRest = engineComplete("elliot", task, "CLEAR");
        Answer factCheckerRest = engineComplete("farid", task, "CLEAR");
        Answer auditorRest = engineComplete("audrey", task, "CLEAR");

        assertThat(editorApi.status()).as("%s", editorApi).isEqualTo(403);
        assertThat(editorApi.json().get("type").asText()).isEqualTo("urn:factdesk:problem:not-your-task");
        assertThat(editorRest.status()).as("%s", editorRest).isEqualTo(403);
        assertThat(factCheckerRest.status()).as("%s", factCheckerRest).isEqualTo(403);
        assertThat(auditorRest.status()).as("%s", auditorRest).isEqualTo(403);
        assertStillInLegalReview(claim, task);
    }

    @Test
    void anEditorCannotSkipLegalReviewByRewritingTheRoutingThroughTheEngineRestApi() {
        long claim = verified("farid", "fiona");
        String approval = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION).singleResult().getId();

        Answer skipped = api.send("edith", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"legalReview\":{\"value\":false}}}",
                "application/json");
        Answer nulled = api.send("edith", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"legalReview\":{\"value\":null}}}",
                "application/json");

        for (Answer answer : List.of(skipped, nulled)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(403);
            assertThat(answer.json().get("type").asText()).isEqualTo("urn:factdesk:problem:protected-variable");
            assertThat(answer.json().get("detail").asText()).contains("legalReview");
        }
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        Answer approved = api.send("edith", "POST", "/engine-rest/task/" + approval + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}", "application/json");
        assertThat(approved.status()).as("%s", approved).isEqualTo(204);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("LEGAL_REVIEW");
    }

    @Test
    void aLawyerCompletingThroughTheEngineRestApiIsHeldToTheSameForm() {
        long claim = approved("farid", "fiona", "edith");
        String task = legalTaskOf(claim);

        Answer unknown = engineComplete("lena", task, "PUBLISH");
        Answer blocked = api.send("lena", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"legalDecision\":{\"value\":\"BLOCK\"},"
                        + "\"legalComment\":{\"value\":\"Names a minor.\"}}}", "application/json");

        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("PUBLISH", "CLEAR", "REWRITE", "BLOCK");
        assertThat(blocked.status()).as("%s", blocked).isEqualTo(204);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("BLOCKED");
    }

    @Test
    void aLawyerWorksHerQueueButNeitherFlagsClaimsNorReadsTheAuditLog() {
        long article = api.importArticle("The minister took a bribe, the report said.");

        Answer flag = api.post("lena", "/api/articles/" + article + "/claims",
                Map.of("quote", "took a bribe", "category", "FACTUAL"));
        Answer audit = api.get("lena", "/api/audit");
        Answer queue = api.get("lena", "/api/tasks");

        assertThat(flag.status()).as("%s", flag).isEqualTo(403);
        assertThat(audit.status()).as("%s", audit).isEqualTo(403);
        assertThat(queue.status()).as("%s", queue).isEqualTo(200);
        assertThat(queue.json().findValuesAsText("taskDefinitionKey"))
                .allMatch(ClaimReviewProcess.Element.TASK_LEGAL_REVIEW::equals);
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private long verified(String flagger, String verifier) {
        long article = api.importArticle("The minister took a bribe from the contractor, the report said.",
                "He denies it.");
        long claim = api.flag(flagger, article, Map.of("quote", "took a bribe from", "category", "FACTUAL",
                "severity", "HIGH", "replacement", "received a payment from"));
        api.work(verifier, claim, Map.of("verdict", "ERROR_CONFIRMED", "notice", WORDING));
        return claim;
    }

    private long approved(String flagger, String verifier, String editor) {
        long claim = verified(flagger, verifier);
        api.work(editor, claim, Map.of("decision", "APPROVE"));
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("LEGAL_REVIEW");
        return claim;
    }

    private String legalTaskOf(long claim) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_LEGAL_REVIEW).singleResult();
        return task.getId();
    }

    private Answer completeAs(String user, long claim, Map<String, Object> form) {
        String task = legalTaskOf(claim);
        api.post(user, "/api/tasks/" + task + "/claim", null);
        return api.post(user, "/api/tasks/" + task + "/complete", new HashMap<>(form));
    }

    private Answer engineComplete(String user, String task, String decision) {
        return api.send(user, "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"legalDecision\":{\"value\":\"" + decision + "\"}}}", "application/json");
    }

    private void assertStillInLegalReview(long claim, String task) {
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("LEGAL_REVIEW");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        assertThat(actions(claim)).doesNotContain("LEGAL_CLEARED", "PUBLISHED");
    }

    private long articleOf(long claim) {
        return api.claim(claim).get("articleId").asLong();
    }

    private List<String> notices(long claim) {
        JsonNode corrections = api.get("audrey", "/api/articles/" + articleOf(claim)).json().get("corrections");
        return corrections.findValuesAsText("notice");
    }

    private List<String> actions(long claim) {
        return api.get("audrey", "/api/claims/" + claim + "/history").json().findValuesAsText("action");
    }
}
