package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An editor approving a correction may give their own notice and corrected words: the published revision and notice
 * carry them, the audit log keeps the before and after, the claim shows who last wrote them. The same rules as the
 * fact-checker's verdict hold on FactDesk's API and the engine REST API alike, and an edit sent with a return or a
 * rejection is refused, not dropped.
 */
@FactDeskTest
class ApprovalEditTest {

    private static final String NOTICE = "An earlier version of this article misspelled Cardiff.";
    private static final String EDITED = "An earlier version of this article misspelled the name of the city, Cardiff.";

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void theEditorsNoticeAndWordsArePublishedAndTheAuditEntryKeepsBeforeAndAfter() {
        long claim = awaitingApproval();

        api.work("edith", claim, Map.of("decision", "APPROVE", "notice", "  " + EDITED + " ",
                "replacement", "Cardiff City"));

        api.awaitState(claim, "PUBLISHED");
        JsonNode view = api.claim(claim);
        assertThat(view.get("notice").asText()).isEqualTo(EDITED);
        assertThat(view.get("replacement").asText()).isEqualTo("Cardiff City");
        assertThat(view.get("editedBy").asText()).isEqualTo("edith");
        assertThat(view.get("verifiedBy").asText()).isEqualTo("fiona");
        JsonNode article = api.get("audrey", "/api/articles/" + view.get("articleId").asLong()).json();
        assertThat(article.get("body").asText()).startsWith("The new stadium in Cardiff City seats");
        assertThat(article.get("corrections").get(0).get("notice").asText()).endsWith(EDITED);

        List<JsonNode> edits = edits(claim);
        assertThat(edits).hasSize(2);
        JsonNode notice = edits.stream().filter(e -> e.get("detail").asText().contains("the notice")).findFirst()
                .orElseThrow();
        assertThat(notice.get("actor").asText()).isEqualTo("edith");
        assertThat(notice.get("before").asText()).isEqualTo(NOTICE);
        assertThat(notice.get("after").asText()).isEqualTo(EDITED);
        assertThat(notice.get("detail").asText()).isEqualTo("edith changed the notice: \u201c" + NOTICE
                + "\u201d \u2192 \u201c" + EDITED + "\u201d");
        JsonNode words = edits.stream().filter(e -> e.get("detail").asText().contains("corrected text")).findFirst()
                .orElseThrow();
        assertThat(words.get("before").asText()).isEqualTo("Cardiff");
        assertThat(words.get("after").asText()).isEqualTo("Cardiff City");
    }

    @Test
    void anApprovalWithoutEditsKeepsTheFactCheckersVersionAndRecordsNoEdit() {
        long claim = awaitingApproval();

        api.work("edith", claim, Map.of("decision", "APPROVE"));

        api.awaitState(claim, "PUBLISHED");
        JsonNode view = api.claim(claim);
        assertThat(view.get("notice").asText()).isEqualTo(NOTICE);
        assertThat(view.get("editedBy").asText()).isEqualTo("fiona");
        assertThat(edits(claim)).isEmpty();
    }

    @Test
    void anEmptiedNoticeOnACorrectionIsRefusedOnTheApi() {
        long claim = awaitingApproval();

        Answer refused = complete("edith", claim, Map.of("decision", "APPROVE", "notice", "   "));

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:factdesk:problem:invalid-notice");
        assertUntouched(claim);
    }

    @Test
    void editedWordsTheSameAsTheQuoteOrOnAClarificationAreRefused() {
        long claim = awaitingApproval();

        Answer same = complete("edith", claim, Map.of("decision", "APPROVE", "replacement", "Cardif"));
        assertThat(same.status()).as("%s", same).isEqualTo(400);
        assertThat(same.json().get("type").asText()).isEqualTo("urn:factdesk:problem:invalid-replacement");

        Answer empty = complete("edith", claim, Map.of("decision", "APPROVE", "replacement", ""));
        assertThat(empty.status()).as("%s", empty).isEqualTo(400);

        Answer clarification = complete("edith", claim, Map.of("decision", "APPROVE", "kind", "EDITORS_NOTE",
                "replacement", "Cardiff City"));
        assertThat(clarification.status()).as("%s", clarification).isEqualTo(400);
        assertUntouched(claim);
    }

    @Test
    void anEditSentWithAReturnOrARejectionIsRefusedWith422() {
        long claim = awaitingApproval();

        Answer returned = complete("edith", claim, Map.of("decision", "RETURN", "comment", "Check the name.",
                "notice", EDITED));
        Answer rejected = complete("edith", claim, Map.of("decision", "REJECT", "comment", "Not ours.",
                "replacement", "Cardiff City"));

        assertThat(returned.status()).as("%s", returned).isEqualTo(422);
        assertThat(returned.json().get("type").asText()).isEqualTo("urn:factdesk:problem:edit-needs-approval");
        assertThat(returned.json().get("detail").asText()).contains("only on APPROVE");
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(422);
        assertUntouched(claim);
    }

    @Test
    void theEngineRestApiRefusesABadNoticeAndAnEditWithAReturn() {
        long claim = awaitingApproval();
        String task = approvalTask(claim);
        assertThat(api.post("edith", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        Answer blank = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"notice\":{\"value\":\" \"}}}",
                "application/json");
        Answer overlong = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"notice\":{\"value\":\"" + "x".repeat(3_001)
                        + "\"}}}", "application/json");
        Answer notText = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"notice\":{\"value\":42,\"type\":\"Integer\"}}}",
                "application/json");
        Answer withReturn = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"RETURN\"},\"comment\":{\"value\":\"Look again.\"},"
                        + "\"notice\":{\"value\":\"" + EDITED + "\"}}}", "application/json");

        assertThat(blank.status()).as("%s", blank).isEqualTo(400);
        assertThat(blank.json().get("type").asText()).isEqualTo("urn:factdesk:problem:invalid-notice");
        assertThat(overlong.status()).as("%s", overlong).isEqualTo(400);
        assertThat(overlong.json().get("type").asText()).isEqualTo("urn:factdesk:problem:field-too-long");
        assertThat(notText.status()).as("%s", notText).isEqualTo(400);
        assertThat(withReturn.status()).as("%s", withReturn).isEqualTo(422);
        assertUntouched(claim);

        Answer edited = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"notice\":{\"value\":\"" + EDITED + "\"}}}",
                "application/json");
        assertThat(edited.status()).as("%s", edited).isEqualTo(204);
        api.awaitState(claim, "PUBLISHED");
        assertThat(api.claim(claim).get("notice").asText()).isEqualTo(EDITED);
    }

    private void assertUntouched(long claim) {
        JsonNode view = api.claim(claim);
        assertThat(view.get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(view.get("notice").asText()).isEqualTo(NOTICE);
        assertThat(view.get("replacement").asText()).isEqualTo("Cardiff");
        assertThat(edits(claim)).isEmpty();
    }

    private List<JsonNode> edits(long claim) {
        JsonNode history = api.get("audrey", "/api/claims/" + claim + "/history").json();
        List<JsonNode> edits = new java.util.ArrayList<>();
        history.forEach(entry -> {
            if ("EDITED".equals(entry.get("action").asText())) {
                edits.add(entry);
            }
        });
        return edits;
    }

    private Answer complete(String user, long claim, Map<String, Object> form) {
        String task = approvalTask(claim);
        Answer claimed = api.post(user, "/api/tasks/" + task + "/claim", null);
        assertThat(claimed.status()).as("%s", claimed).isIn(200, 409);
        return api.post(user, "/api/tasks/" + task + "/complete", new HashMap<>(form));
    }

    private String approvalTask(long claim) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim))
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION).singleResult();
        return task.getId();
    }

    private long awaitingApproval() {
        long article = api.importArticle("The new stadium in Cardif seats 30,000 people.", "It opens in the spring.");
        long claim = api.flag("farid", article, Map.of("quote", "Cardif", "category", "TYPO", "replacement",
                "Cardiff"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice", NOTICE));
        return claim;
    }
}
