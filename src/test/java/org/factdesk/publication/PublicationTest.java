package org.factdesk.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.review.ClaimReviewProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes approved claims through the real process and job executor: the replacement lands where the quote stands
 * now, every occurrence for scope ALL, clarifications keep the text, and a claim publishes at most one revision.
 */
@FactDeskTest
class PublicationTest {

    private static final Duration PUBLISHING = Duration.ofSeconds(30);

    private static final String FLAGGER = "farid";
    private static final String VERIFIER = "fiona";
    private static final String APPROVER = "edith";

    @LocalServerPort
    int port;

    @Autowired
    PublicationService publicationService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi api;

    @BeforeEach
    void connect() {
        api = new TestApi(port);
    }

    @Test
    void publishingAPublishedClaimAgainReturnsItsRevisionAndWritesNoOther() {
        long article = api.importArticle("The attack targeted the Erbil vase in Kurdistan.");
        long claim = flag(article, "Erbil vase", "Erbil base");
        publishCorrection(claim, "Erbil base");
        int revision = api.claim(claim).get("publishedRevision").asInt();

        PublicationOutcome again = publicationService.publish(claim);

        assertThat(again).isInstanceOfSatisfying(PublicationOutcome.Published.class, published -> {
            assertThat(published.alreadyPublished()).isTrue();
            assertThat(published.revision().revision()).isEqualTo(revision);
            assertThat(published.revision().claimId()).isEqualTo(claim);
        });
        assertThat(revisionsFor(claim)).isEqualTo(1);
        assertThat(article(article).get("revision").asInt()).isEqualTo(revision).isEqualTo(2);
        assertThat(actions(claim)).filteredOn("PUBLISHED"::equals).hasSize(1);
    }

    @Test
    void sendsAClaimWhoseQuoteAnEarlierCorrectionRemovedBackToItsVerifier() {
        long article = api.importArticle("The attack targeted the Erbil vase in Kurdistan.");
        long first = flag(article, "Erbil vase", "Erbil base");
        // Words overlapping the first claim's (the same words at the same place would be refused as a duplicate).
        long second = flag(article, "the Erbil vase", "the Erbil air base");
        publishCorrection(first, "Erbil base");

        verify(second, "ERROR_CONFIRMED", "the Erbil air base", "An earlier version of this article misnamed the "
                + "base.");
        approve(second);

        await().atMost(PUBLISHING).until(() -> actions(second).contains("TEXT_CHANGED"));
        assertThat(api.claim(second).get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(api.claim(second).get("heldBy").asText()).isEqualTo(VERIFIER);
        assertThat(actions(second)).containsSubsequence("APPROVED", "TEXT_CHANGED", "ASSIGNED")
                .doesNotContain("PUBLISHED");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(second)).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ClaimReviewProcess.Element.TASK_VERIFY_CLAIM);
        assertThat(task.getAssignee()).isEqualTo(VERIFIER);
        assertThat(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).messages().count())
                .as("no publish job left to retry").isZero();
        // Only the fresh Verify claim's two deadline timers wait.
        assertThat(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().count())
                .isEqualTo(2);
        assertThat(revisionsFor(second)).isZero();
        JsonNode current = article(article);
        assertThat(current.get("revision").asInt()).isEqualTo(2);
        assertThat(current.get("body").asText()).isEqualTo("The attack targeted the Erbil base in Kurdistan.");
    }

    @Test
    void publishesAQuoteThatAnEarlierCorrectionMovedAtItsNewPlace() {
        long article = api.importArticle(
                "Iran named the strike after Soleimai, its general.",
                "One vase was broken in Baghdad, officials said.",
                "Missiles hit the Erbil vase in Kurdistan overnight.");
        long name = flag(article, "Soleimai", "Qassem Soleimani");
        long typo = flag(article, Map.of("quote", "vase", "occurrence", 2, "category", "TYPO",
                "replacement", "base"));
        publishCorrection(name, "Qassem Soleimani");

        publishCorrection(typo, "base");

        assertThat(article(article).get("body").asText()).isEqualTo(
                "Iran named the strike after Qassem Soleimani, its general.\n"
                        + "One vase was broken in Baghdad, officials said.\n"
                        + "Missiles hit the Erbil base in Kurdistan overnight.");
        assertThat(article(article).get("revision").asInt()).isEqualTo(3);
    }

    @Test
    void replacesEveryOccurrenceOfAClaimWithScopeAll() {
        long article = api.importArticle(
                "The name of the attack was \"Martyr Soleimai\", state media said.",
                "Soleimani was killed on Friday.",
                "Again: \"Martyr Soleimai\" took place hours after the funeral of Soleimai.");
        long claim = flag(article, Map.of("quote", "Soleimai", "scope", "ALL", "category", "NAME",
                "replacement", "Soleimani"));

        publishCorrection(claim, "Soleimani");

        assertThat(article(article).get("body").asText()).isEqualTo(
                "The name of the attack was \"Martyr Soleimani\", state media said.\n"
                        + "Soleimani was killed on Friday.\n"
                        + "Again: \"Martyr Soleimani\" took place hours after the funeral of Soleimani.");
    }

    @Test
    void publishesAClarificationAsANewRevisionWithTheTextUnchanged() {
        long article = api.importArticle(
                "The attack was launched at around 1.30am local time (10.30pm GMT).",
                "The Pentagon said: \"At approximately 5:30 pm on Jan. 7, Iran launched missiles.\"");
        String before = article(article).get("body").asText();
        long claim = flag(article, Map.of("quote", "5:30 pm on Jan. 7", "category", "TIME"));

        verify(claim, "CLARIFICATION_NEEDED", null, "The Pentagon gave the time in US Eastern time.");
        approve(claim);
        awaitPublished(claim);

        JsonNode current = article(article);
        assertThat(current.get("revision").asInt()).isEqualTo(2);
        assertThat(current.get("body").asText()).isEqualTo(before);
        JsonNode revision = api.get("audrey", "/api/articles/" + article + "/revisions/2").json();
        assertThat(revision.get("kind").asText()).isEqualTo("CLARIFICATION");
        assertThat(revision.get("claimId").asLong()).isEqualTo(claim);
        assertThat(revision.get("body").asText()).isEqualTo(before);
        assertThat(revision.get("notice").asText()).startsWith("Clarification, ")
                .endsWith(": The Pentagon gave the time in US Eastern time.");
        assertThat(list(current.get("corrections"))).singleElement()
                .satisfies(c -> assertThat(c.get("kind").asText()).isEqualTo("CLARIFICATION"));
    }

    @Test
    void setsTheArticlesUpdatedTimeToItsLatestCorrection() {
        long article = api.importArticle("The attack targeted the Erbil vase, said Soleimai's men.");
        long typo = flag(article, "Erbil vase", "Erbil base");
        long name = flag(article, "Soleimai", "Soleimani");
        publishCorrection(typo, "Erbil base");
        publishCorrection(name, "Soleimani");

        JsonNode current = article(article);

        List<JsonNode> corrections = list(current.get("corrections"));
        assertThat(corrections).hasSize(2);
        Instant first = Instant.parse(corrections.get(0).get("publishedAt").asText());
        Instant latest = Instant.parse(corrections.get(1).get("publishedAt").asText());
        assertThat(Instant.parse(current.get("updatedAt").asText())).isEqualTo(latest).isAfter(first);
    }

    // Fixtures: flag as farid, verify as fiona, approve as edith, so four-eyes holds on every claim.

    private long flag(long article, String quote, String replacement) {
        return flag(article, Map.of("quote", quote, "category", "TYPO", "replacement", replacement));
    }

    private long flag(long article, Map<String, Object> claim) {
        return api.flag(FLAGGER, article, claim);
    }

    private void publishCorrection(long claim, String replacement) {
        verify(claim, "ERROR_CONFIRMED", replacement, "An earlier version of this article had a mistake.");
        approve(claim);
        awaitPublished(claim);
    }

    private void verify(long claim, String verdict, String replacement, String notice) {
        Map<String, Object> form = new HashMap<>();
        form.put("verdict", verdict);
        form.put("replacement", replacement);
        form.put("notice", notice);
        work(VERIFIER, claim, form);
    }

    private void approve(long claim) {
        work(APPROVER, claim, Map.of("decision", "APPROVE"));
    }

    private void work(String user, long claim, Map<String, Object> form) {
        api.work(user, claim, form);
    }

    private void awaitPublished(long claim) {
        api.awaitState(claim, "PUBLISHED");
    }

    private JsonNode article(long article) {
        return api.get("audrey", "/api/articles/" + article).json();
    }

    private List<String> actions(long claim) {
        return list(api.get("audrey", "/api/claims/" + claim + "/history").json()).stream()
                .map(entry -> entry.get("action").asText()).toList();
    }

    private int revisionsFor(long claim) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM article_revision WHERE claim_id = ?", Integer.class, claim);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
