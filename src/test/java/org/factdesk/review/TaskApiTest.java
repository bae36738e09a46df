package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.review.ClaimReviewProcess.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task API: whose queue shows what, claim and unclaim, and completing Verify claim and Approve correction. */
@FactDeskTest
class TaskApiTest {

    private static final String QUOTE = "Barnsly";
    private static final String NOTICE = "An earlier version of this article misspelled Barnsley.";

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void queueShowsMyTasksAndMyGroupsUnclaimedTasksButNotAnotherPersonsClaimedTask() {
        long article = api.importArticle("Ships docked at Hul, Grimsbi and Gool on Monday.");
        long fionas = flag(article, "Hul");
        long farids = flag(article, "Grimsbi");
        long unclaimed = flag(article, "Gool");
        ok(api.post("fiona", "/api/tasks/" + api.taskOf("fiona", fionas) + "/claim", null));
        ok(api.post("farid", "/api/tasks/" + api.taskOf("farid", farids) + "/claim", null));

        Map<Long, JsonNode> fionasQueue = queue("fiona");
        Map<Long, JsonNode> faridsQueue = queue("farid");

        assertThat(fionasQueue).containsKeys(fionas, unclaimed).doesNotContainKey(farids);
        assertThat(fionasQueue.get(fionas).path("assignee").asText()).isEqualTo("fiona");
        assertThat(fionasQueue.get(unclaimed).has("assignee")).isFalse();
        assertThat(fionasQueue.get(unclaimed).path("taskDefinitionKey").asText())
                .isEqualTo(Element.TASK_VERIFY_CLAIM);
        assertThat(fionasQueue.get(unclaimed).path("articleId").asLong()).isEqualTo(article);
        assertThat(faridsQueue).containsKeys(farids, unclaimed).doesNotContainKey(fionas);
        assertThat(queue("edith")).doesNotContainKeys(fionas, farids, unclaimed);
    }

    @Test
    void unclaimReturnsTheTaskToTheGroup() {
        long claim = freshClaim();
        String task = api.taskOf("fiona", claim);
        ok(api.post("fiona", "/api/tasks/" + task + "/claim", null));
        assertThat(api.claim(claim).path("state").asText()).isEqualTo("IN_REVIEW");

        Answer released = api.post("fiona", "/api/tasks/" + task + "/unclaim", null);

        ok(released);
        assertThat(released.json().has("assignee")).isFalse();
        JsonNode after = api.claim(claim);
        assertThat(after.path("state").asText()).isEqualTo("FLAGGED");
        assertThat(after.has("heldBy")).isFalse();
        assertThat(queue("farid")).containsKey(claim);
        assertThat(actions(claim)).containsSubsequence("CLAIMED", "UNCLAIMED");
        assertThat(historyOf(claim)).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("UNCLAIMED");
            assertThat(entry.path("actor").asText()).isEqualTo("fiona");
        });
    }

    @Test
    void unclaimBySomeoneWhoDoesNotHoldTheTaskIsAConflict() {
        long claim = freshClaim();
        String task = api.taskOf("fiona", claim);
        ok(api.post("fiona", "/api/tasks/" + task + "/claim", null));

        assertProblem(api.post("farid", "/api/tasks/" + task + "/unclaim", null), 409, "task-already-claimed");

        assertThat(assigneeOf("fiona", task)).isEqualTo("fiona");
        assertThat(api.claim(claim).path("heldBy").asText()).isEqualTo("fiona");
        assertThat(actions(claim)).doesNotContain("UNCLAIMED");
    }

    @Test
    void unclaimOfATaskNobodyHoldsIsAConflict() {
        long claim = freshClaim();

        assertProblem(api.post("fiona", "/api/tasks/" + api.taskOf("fiona", claim) + "/unclaim", null), 409,
                "task-not-claimed");
    }

    static Stream<Arguments> invalidVerdicts() {
        return Stream.of(
                Arguments.of("missing verdict", Map.of("note", "Looks fine."), "invalid-verdict"),
                Arguments.of("unknown verdict", Map.of("verdict", "PROBABLY_FINE", "note", "Hm."), "invalid-verdict"),
                Arguments.of("decision on Verify claim", Map.of("decision", "APPROVE"), "wrong-form"),
                Arguments.of("ERROR_CONFIRMED without notice",
                        Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Barnsley"), "invalid-verdict"),
                Arguments.of("ERROR_CONFIRMED replacing the quote with itself",
                        Map.of("verdict", "ERROR_CONFIRMED", "replacement", QUOTE, "notice", NOTICE),
                        "invalid-verdict"),
                Arguments.of("CLARIFICATION_NEEDED without notice", Map.of("verdict", "CLARIFICATION_NEEDED"),
                        "invalid-verdict"),
                Arguments.of("NOT_AN_ERROR without note", Map.of("verdict", "NOT_AN_ERROR"), "invalid-verdict"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidVerdicts")
    void refusesAnInvalidVerdictAndChangesNothing(String name, Map<String, Object> form, String problemType) {
        long claim = freshClaim();
        String task = api.taskOf("fiona", claim);
        JsonNode before = api.claim(claim);
        int entries = historyOf(claim).size();

        assertProblem(api.post("fiona", "/api/tasks/" + task + "/complete", form), 400, problemType);

        // Completing claims an unclaimed task first; that must roll back with the refused verdict.
        assertThat(assigneeOf("fiona", task)).isNull();
        assertThat(api.claim(claim)).isEqualTo(before);
        assertThat(historyOf(claim)).hasSize(entries);
        assertThat(actions(claim)).doesNotContain("CLAIMED", "VERDICT");
    }

    @Test
    void refusesAnInvalidVerdictOnAHeldTaskAndKeepsItHeld() {
        long claim = freshClaim();
        String task = api.taskOf("fiona", claim);
        ok(api.post("fiona", "/api/tasks/" + task + "/claim", null));
        JsonNode before = api.claim(claim);

        assertProblem(api.post("fiona", "/api/tasks/" + task + "/complete", Map.of("verdict", "NOT_AN_ERROR")), 400,
                "invalid-verdict");

        assertThat(assigneeOf("fiona", task)).isEqualTo("fiona");
        assertThat(api.claim(claim)).isEqualTo(before);
        assertThat(before.path("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(actions(claim)).doesNotContain("VERDICT");
    }

    static Stream<Arguments> invalidDecisions() {
        return Stream.of(
                Arguments.of("missing decision", Map.of("comment", "Fine."), "invalid-decision"),
                Arguments.of("unknown decision", Map.of("decision", "MAYBE", "comment", "Hm."), "invalid-decision"),
                Arguments.of("verdict on Approve correction", Map.of("verdict", "ERROR_CONFIRMED"), "wrong-form"),
                Arguments.of("RETURN without comment", Map.of("decision", "RETURN"), "invalid-decision"),
                Arguments.of("REJECT without comment", Map.of("decision", "REJECT"), "invalid-decision"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDecisions")
    void refusesAnInvalidDecisionAndChangesNothing(String name, Map<String, Object> form, String problemType) {
        long claim = claimAwaitingApproval();
        String task = api.taskOf("edith", claim);
        JsonNode before = api.claim(claim);
        int entries = historyOf(claim).size();

        assertProblem(api.post("edith", "/api/tasks/" + task + "/complete", form), 400, problemType);

        assertThat(assigneeOf("edith", task)).isNull();
        assertThat(api.claim(claim)).isEqualTo(before);
        assertThat(before.path("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(historyOf(claim)).hasSize(entries);
    }

    @Test
    void completingATaskSomeoneElseHoldsIsAConflict() {
        long claim = freshClaim();
        String task = api.taskOf("fiona", claim);
        ok(api.post("fiona", "/api/tasks/" + task + "/claim", null));
        JsonNode before = api.claim(claim);

        assertProblem(api.post("farid", "/api/tasks/" + task + "/complete",
                Map.of("verdict", "NOT_AN_ERROR", "note", "Farid thinks it is fine.")), 409, "task-already-claimed");
        assertProblem(api.post("farid", "/api/tasks/" + task + "/claim", null), 409, "task-already-claimed");

        assertThat(assigneeOf("fiona", task)).isEqualTo("fiona");
        assertThat(api.claim(claim)).isEqualTo(before);
        assertThat(actions(claim)).doesNotContain("VERDICT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"claim", "unclaim", "complete"})
    void actingOnAnUnknownTaskIsNotFound(String action) {
        Answer answer = api.post("fiona", "/api/tasks/no-such-task/" + action,
                "complete".equals(action) ? Map.of("verdict", "NOT_AN_ERROR", "note", "n/a") : null);

        assertProblem(answer, 404, "task-not-found");
    }

    @Test
    void readingAnUnknownTaskIsNotFound() {
        assertProblem(api.get("fiona", "/api/tasks/no-such-task"), 404, "task-not-found");
    }

    @Test
    void aFactCheckerCannotClaimAnApproveCorrectionTask() {
        long claim = claimAwaitingApproval();
        String approval = api.taskOf("edith", claim);

        assertProblem(api.post("farid", "/api/tasks/" + approval + "/claim", null), 403, "not-your-task");

        assertThat(assigneeOf("edith", approval)).isNull();
        assertThat(queue("farid")).doesNotContainKey(claim);
    }

    @Test
    void anEditorCannotClaimAVerifyClaimTask() {
        long claim = freshClaim();

        assertProblem(api.post("edith", "/api/tasks/" + api.taskOf("fiona", claim) + "/claim", null), 403,
                "not-your-task");

        assertThat(api.claim(claim).path("state").asText()).isEqualTo("FLAGGED");
    }

    @Test
    void notAnErrorDismissesTheClaimAndEndsTheProcess() {
        long claim = freshClaim();

        complete("fiona", api.taskOf("fiona", claim), Map.of("verdict", "NOT_AN_ERROR",
                "note", "The town council spells it this way."));

        JsonNode dismissed = api.claim(claim);
        assertThat(dismissed.path("state").asText()).isEqualTo("DISMISSED");
        assertThat(dismissed.path("verdict").asText()).isEqualTo("NOT_AN_ERROR");
        assertThat(dismissed.path("verifiedBy").asText()).isEqualTo("fiona");
        assertEndedAt(claim, Element.END_CLAIM_DISMISSED);
        assertThat(actions(claim)).containsOnlyOnce("VERDICT");
    }

    @Test
    void rejectDismissesTheClaimAndEndsTheProcess() {
        long claim = claimAwaitingApproval();

        complete("edith", api.taskOf("edith", claim), Map.of("decision", "REJECT",
                "comment", "The council's own site spells it Barnsly."));

        JsonNode rejected = api.claim(claim);
        assertThat(rejected.path("state").asText()).isEqualTo("DISMISSED");
        assertThat(rejected.path("decision").asText()).isEqualTo("REJECT");
        assertThat(rejected.path("decidedBy").asText()).isEqualTo("edith");
        assertEndedAt(claim, Element.END_CORRECTION_REJECTED);
        assertThat(actions(claim)).containsOnlyOnce("REJECTED").doesNotContain("APPROVED");
    }

    @Test
    void returnSendsTheClaimBackToItsVerifierAndTheSecondRoundPublishes() {
        long claim = claimAwaitingApproval();

        complete("edith", api.taskOf("edith", claim), Map.of("decision", "RETURN",
                "comment", "Check the spelling against the council's site."));

        JsonNode returned = api.claim(claim);
        assertThat(returned.path("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(returned.path("heldBy").asText()).isEqualTo("fiona");
        JsonNode again = queue("fiona").get(claim);
        assertThat(again).as("Verify claim back in fiona's queue").isNotNull();
        assertThat(again.path("taskDefinitionKey").asText()).isEqualTo(Element.TASK_VERIFY_CLAIM);
        assertThat(again.path("assignee").asText()).isEqualTo("fiona");
        assertThat(queue("farid")).doesNotContainKey(claim);
        assertThat(actions(claim)).containsSubsequence("VERDICT", "RETURNED");

        complete("fiona", again.path("id").asText(), Map.of("verdict", "ERROR_CONFIRMED", "notice", NOTICE));
        assertThat(api.claim(claim).path("state").asText()).isEqualTo("AWAITING_APPROVAL");
        complete("edith", api.taskOf("edith", claim), Map.of("decision", "APPROVE"));

        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(api.claim(claim).path("state").asText()));
        assertThat(actions(claim)).containsSubsequence("VERDICT", "RETURNED", "VERDICT", "APPROVED", "PUBLISHED");
        assertEndedAt(claim, Element.END_CORRECTION_PUBLISHED);
    }

    /** A claim on a fresh article, flagged by elliot, waiting for a fact-checker. */
    private long freshClaim() {
        long article = api.importArticle("The council approved 120 new homes in " + QUOTE + " on Monday.");
        return flag(article, QUOTE);
    }

    private long flag(long article, String quote) {
        return api.flag("elliot", article, Map.of("quote", quote, "category", "TYPO",
                "replacement", "Barnsley", "note", "Misspelled place name."));
    }

    /** A fresh claim that fiona verified as an error, waiting for an editor other than its flagger. */
    private long claimAwaitingApproval() {
        long claim = freshClaim();
        complete("fiona", api.taskOf("fiona", claim), Map.of("verdict", "ERROR_CONFIRMED", "notice", NOTICE));
        assertThat(api.claim(claim).path("state").asText()).isEqualTo("AWAITING_APPROVAL");
        return claim;
    }

    private void complete(String user, String task, Map<String, Object> form) {
        Answer answer = api.post(user, "/api/tasks/" + task + "/complete", form);
        assertThat(answer.status()).as("complete by %s: %s", user, answer).isEqualTo(204);
    }

    /** The user's queue by claim id. */
    private Map<Long, JsonNode> queue(String user) {
        Map<Long, JsonNode> byClaim = new HashMap<>();
        api.queue(user, "").forEach(task -> byClaim.put(task.path("claimId").asLong(), task));
        return byClaim;
    }

    private String assigneeOf(String user, String task) {
        Answer answer = api.get(user, "/api/tasks/" + task);
        ok(answer);
        return answer.json().path("assignee").asText(null);
    }

    private List<JsonNode> historyOf(long claim) {
        List<JsonNode> entries = new ArrayList<>();
        api.get("audrey", "/api/claims/" + claim + "/history").json().forEach(entries::add);
        return entries;
    }

    private List<String> actions(long claim) {
        return historyOf(claim).stream().map(entry -> entry.path("action").asText()).toList();
    }

    private void assertEndedAt(long claim, String endEvent) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ClaimReviewProcess.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(claim)).singleResult();
        assertThat(instance.getEndTime()).as("process ended").isNotNull();
        assertThat(instance.getEndActivityId()).isEqualTo(endEvent);
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as("answer: %s", answer).isEqualTo(200);
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertThat(answer.status()).as("answer: %s", answer).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: %s", answer).isTrue();
        assertThat(answer.json().path("type").asText()).isEqualTo("urn:factdesk:problem:" + kind);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
    }
}
