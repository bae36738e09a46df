package org.factdesk.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The kinds of update a newsroom publishes, end to end through the API and the public pages: a silent fix (only where
 * the routing table allows one, refused elsewhere on every path), an editor's note, a retraction, and a kind the
 * editor changes on approval; each with its notice where readers see it and its schema.org representation.
 */
@FactDeskTest
class UpdateKindsTest {

    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    private final ObjectMapper json = new ObjectMapper();
    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void aLowSeverityTypoFixedSilentlyGetsANewRevisionAndAnAuditEntryButNoPublicNotice() {
        long article = api.importArticle("The mayor opened the new libary on Monday.", "It has 40,000 books.");
        long claim = typo(article, "LOW");

        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "kind", "SILENT_FIX"));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");

        JsonNode details = api.get("audrey", "/api/articles/" + article).json();
        assertThat(details.get("revision").asInt()).isEqualTo(2);
        assertThat(details.get("body").asText()).contains("the new library on Monday");
        assertThat(details.hasNonNull("updatedAt")).as("readers were told of no update").isFalse();
        JsonNode revision = api.get("audrey", "/api/articles/" + article + "/revisions/2").json();
        assertThat(revision.get("kind").asText()).isEqualTo("SILENT_FIX");
        assertThat(api.get("audrey", "/api/articles/" + article + "/revisions/1").json().get("body").asText())
                .contains("libary");
        assertThat(api.claim(claim).get("kind").asText()).isEqualTo("SILENT_FIX");
        JsonNode history = api.get("audrey", "/api/claims/" + claim + "/history").json();
        assertThat(history.findValuesAsText("action")).contains("PUBLISHED");

        String page = api.get(null, "/public/articles/" + article).body();
        assertThat(page).contains("the new library on Monday").doesNotContain("Silent fix", "libary", "Updated:",
                "id=\"corrections\"");
        assertThat(jsonLd(page).has("correction")).isFalse();
        assertThat(api.get(null, "/public/corrections").body()).doesNotContain(details.get("headline").asText());
        assertThat(api.get(null, "/public/corrections.atom").body())
                .doesNotContain("urn:factdesk:article:" + article + ":revision:2");
    }

    @Test
    void aSilentFixTheRoutingTableDoesNotAllowIsRefusedThroughTheApiAndTheEngineRestApi() {
        long article = api.importArticle("The mayor opened the new libary on Monday.");
        long claim = typo(article, "MEDIUM");
        String task = openTask(claim);
        api.post("fiona", "/api/tasks/" + task + "/claim", null);

        Answer viaApi = api.post("fiona", "/api/tasks/" + task + "/complete",
                Map.of("verdict", "ERROR_CONFIRMED", "kind", "SILENT_FIX"));
        Answer viaEngine = api.send("fiona", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"verdict\":{\"value\":\"ERROR_CONFIRMED\"},\"kind\":{\"value\":\"SILENT_FIX\"}}}",
                "application/json");
        Answer viaSilentFixAllowed = api.send("fiona", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"verdict\":{\"value\":\"ERROR_CONFIRMED\"},\"kind\":{\"value\":\"SILENT_FIX\"},"
                        + "\"silentFixAllowed\":{\"value\":true}}}", "application/json");

        for (Answer refused : List.of(viaApi, viaEngine)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(422);
            assertThat(refused.isProblem()).as("%s", refused).isTrue();
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:factdesk:problem:silent-fix-not-allowed");
            assertThat(refused.json().get("detail").asText()).contains("MEDIUM TYPO", "low-severity typo",
                    "CORRECTION");
        }
        assertThat(viaSilentFixAllowed.status()).as("%s", viaSilentFixAllowed).isEqualTo(403);
        assertThat(viaSilentFixAllowed.json().get("detail").asText()).contains("silentFixAllowed");
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void anEditorMayNotTurnACorrectionIntoASilentFixTheRoutingTableDoesNotAllow() {
        long article = api.importArticle("The mayor opened the new libary on Monday.");
        long claim = typo(article, "MEDIUM");
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled library."));
        String task = openTask(claim);
        api.post("edith", "/api/tasks/" + task + "/claim", null);

        Answer viaApi = api.post("edith", "/api/tasks/" + task + "/complete",
                Map.of("decision", "APPROVE", "kind", "SILENT_FIX"));
        Answer viaEngine = api.send("edith", "POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"kind\":{\"value\":\"SILENT_FIX\"}}}",
                "application/json");

        for (Answer refused : List.of(viaApi, viaEngine)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(422);
            assertThat(refused.json().get("type").asText()).isEqualTo("urn:factdesk:problem:silent-fix-not-allowed");
        }
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.claim(claim).get("kind").asText()).isEqualTo("CORRECTION");
    }

    @Test
    void aKindTheVerdictCannotPublishIsRefused() {
        long article = api.importArticle("The mayor opened the new libary on Monday.");
        long claim = typo(article, "MEDIUM");
        String task = openTask(claim);
        api.post("fiona", "/api/tasks/" + task + "/claim", null);

        Answer noted = api.post("fiona", "/api/tasks/" + task + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "kind", "EDITORS_NOTE", "notice", "A note."));
        Answer unknown = api.post("fiona", "/api/tasks/" + task + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "kind", "OBITUARY", "notice", "A note."));

        assertThat(noted.status()).as("%s", noted).isEqualTo(400);
        assertThat(noted.json().get("detail").asText()).contains("CORRECTION", "SILENT_FIX", "RETRACTION",
                "EDITORS_NOTE");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("OBITUARY");
    }

    @Test
    void anEditorsNoteStandsAboveTheUnchangedTextAsASchemaOrgComment() {
        String text = "Police said the protest drew 5,000 people.";
        long article = api.importArticle(text, "Organisers put it at 20,000.");
        long claim = api.flag("farid", article, Map.of("quote", "5,000", "category", "NUMBER", "severity", "MEDIUM"));
        String note = "This article has been updated to give both estimates of the crowd.";

        api.work("fiona", claim, Map.of("verdict", "CLARIFICATION_NEEDED", "kind", "EDITORS_NOTE", "notice", note));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");

        String page = api.get(null, "/public/articles/" + article).body();
        assertThat(page).contains("id=\"editors-notes\"", note, text).doesNotContain("id=\"corrections\"");
        String main = page.substring(page.indexOf("<main"));
        assertThat(main.indexOf(note)).as("the note stands above the text").isLessThan(main.indexOf(text));
        JsonNode ld = jsonLd(page);
        assertThat(ld.get("comment").get(0).get("@type").asText()).isEqualTo("Comment");
        assertThat(ld.get("comment").get(0).get("text").asText()).contains(note);
        assertThat(ld.has("correction")).isFalse();
        assertThat(api.get(null, "/public/corrections").body()).contains(note);
        assertThat(api.get("audrey", "/api/articles/" + article).json().get("body").asText()).startsWith(text);
    }

    @Test
    void aRetractionReplacesThePublicPageAndKeepsTheTextForAuditors() {
        String text = "The hospital has closed its maternity ward, staff said.";
        long article = api.importArticle(text, "Patients will be sent to the city.");
        long claim = api.flag("farid", article, Map.of("quote", "has closed its maternity ward",
                "category", "FACTUAL", "severity", "MEDIUM"));
        String notice = "This article has been retracted: the hospital has not closed its maternity ward.";

        // The fact-checker proposes a correction; the editor, on approval, retracts the article instead.
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "may close its maternity ward",
                "notice", notice));
        api.work("edith", claim, Map.of("decision", "APPROVE", "kind", "RETRACTION"));
        api.awaitState(claim, "PUBLISHED");

        String page = api.get(null, "/public/articles/" + article).body();
        assertThat(page).contains("id=\"retraction\"", "This article has been retracted.", notice)
                .doesNotContain(text, "Patients will be sent");
        JsonNode ld = jsonLd(page);
        assertThat(ld.get("creativeWorkStatus").asText()).isEqualTo("Retracted");
        assertThat(ld.get("correction").get(0).get("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(ld.get("correction").get(0).get("text").asText()).startsWith("Retraction, ").contains(notice);
        JsonNode revision = api.get("audrey", "/api/articles/" + article + "/revisions/2").json();
        assertThat(revision.get("kind").asText()).isEqualTo("RETRACTION");
        assertThat(revision.get("body").asText()).as("the text is kept for auditors").startsWith(text);
        assertThat(api.get(null, "/public/corrections.atom").body()).contains("Retraction: ");
        assertThat(api.get("audrey", "/api/claims/" + claim + "/history").json().findValuesAsText("detail"))
                .anySatisfy(detail -> assertThat(detail).contains("as RETRACTION"));
    }

    @Test
    void aCorrectionAndAClarificationKeepTheirSchemaOrgCorrectionComments() {
        long article = api.importArticle("Troops at the Erbil vase were unhurt.");
        long claim = api.flag("farid", article, Map.of("quote", "Erbil vase", "category", "TYPO",
                "severity", "MEDIUM", "replacement", "Erbil base"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article said Erbil vase."));
        api.work("edith", claim, new HashMap<>(Map.of("decision", "APPROVE")));
        api.awaitState(claim, "PUBLISHED");

        JsonNode ld = jsonLd(api.get(null, "/public/articles/" + article).body());
        assertThat(ld.get("correction").get(0).get("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(ld.has("creativeWorkStatus")).isFalse();
        assertThat(api.claim(claim).get("kind").asText()).isEqualTo("CORRECTION");
    }

    private long typo(long article, String severity) {
        return api.flag("farid", article, Map.of("quote", "libary", "category", "TYPO", "severity", severity,
                "replacement", "library"));
    }

    private String openTask(long claim) {
        return taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();
    }

    private JsonNode jsonLd(String page) {
        Matcher script = JSON_LD.matcher(page);
        assertThat(script.find()).as("JSON-LD on the page").isTrue();
        try {
            return json.readTree(script.group(1));
        } catch (Exception e) {
            throw new AssertionError(script.group(1), e);
        }
    }
}
