package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Suggestions through the API: the seed's appear after start-up beside its demo claims, imports are scanned in the
 * background, accepting flags a claim with the detector as its source, dismissing sticks across rescans, and the
 * roles and problems are the usual ones. Works on articles it imports, and only reads the seed.
 */
@FactDeskTest
class SuggestionApiTest {

    @LocalServerPort
    int port;

    TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private JsonNode suggestionsOf(long articleId) {
        return api.get("fiona", "/api/articles/" + articleId + "/suggestions").json();
    }

    /** Waits for the scan after import, which runs in the background. */
    private JsonNode awaitSuggestions(long articleId, int atLeast) {
        await().atMost(Duration.ofSeconds(60)).until(() -> suggestionsOf(articleId).size() >= atLeast);
        return suggestionsOf(articleId);
    }

    private static JsonNode withQuote(JsonNode suggestions, String quote) {
        for (JsonNode s : suggestions) {
            if (s.get("quote").asText().equals(quote)) {
                return s;
            }
        }
        throw new AssertionError("no suggestion for '" + quote + "' in " + suggestions);
    }

    @Test
    void theSeedHasSuggestionsAfterStartUpBesideItsDemoClaims() {
        long seed = seedArticle();
        // Another test may have corrected the seed meanwhile, and each correction rescans it: most errors remain.
        awaitSuggestions(seed, 8);
        long open = suggestionsOf(seed).findValues("state").stream().filter(state -> state.asText().equals("OPEN"))
                .count();
        assertThat(open).isBetween(8L, 14L);
        assertThat(api.get("audrey", "/api/claims?articleId=" + seed).json().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void importingTheSeedTextFindsItsKnownErrorsInTheBackground() {
        // The seed's body under a headline of its own: the seed article itself belongs to the demo story test.
        String[] lines = SeedArticle.text().split("\n", -1);
        lines[1] = "A copy of the seed for the detectors " + UUID.randomUUID();
        TestApi.Answer imported = api.postText("edith", "/api/articles", String.join("\n", lines));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long article = imported.json().get("id").asLong();

        JsonNode suggestions = awaitSuggestions(article, 9);

        assertThat(suggestions.size()).isBetween(9, 14);
        JsonNode vase = withQuote(suggestions, "vase");
        assertThat(vase.get("suggestion").asText()).isEqualTo("base");
        assertThat(vase.get("category").asText()).isEqualTo("TYPO");
        String body = api.get("audrey", "/api/articles/" + article + "/revisions/" + vase.get("revision").asInt())
                .json().get("body").asText();
        assertThat(body.substring(vase.get("start").asInt(), vase.get("end").asInt())).isEqualTo("vase");
    }

    @Test
    void publishingACorrectionRescansAndOutdatesTheSuggestionItSettled() {
        long article = api.importArticle("The council said the the bridge would reopen on Friday.",
                "Engineers inspected the bridge on Thursday morning.");
        withQuote(awaitSuggestions(article, 1), "the the");
        long claim = api.flag("fiona", article, Map.of("quote", "the the", "category", "TYPO",
                "replacement", "the", "note", "Repeated word."));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice",
                "An earlier version of this article repeated a word."));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> withQuote(suggestionsOf(article), "the the").get("state").asText().equals("OUTDATED"));
        TestApi.Answer accepted = api.post("fiona", "/api/articles/" + article + "/suggestions/"
                + withQuote(suggestionsOf(article), "the the").get("id").asLong() + "/accept", null);
        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.json().get("type").asText()).endsWith("suggestion-text-changed");
    }

    private long seedArticle() {
        for (JsonNode a : api.get("audrey", "/api/articles").json()) {
            if (a.get("slug").asText().equals(SEED_SLUG)) {
                return a.get("id").asLong();
            }
        }
        throw new AssertionError("the seed article was not imported on start");
    }

    private static final String SEED_SLUG = "iran-attacks-us-troops-donald-trump-says-all-is-well-after-tehran-fires-15-rocke";

    @Test
    void importScansInTheBackgroundAndAcceptingFlagsAClaimFromTheDetector() {
        long article = api.importArticle("The council said the the bridge would reopen on Friday.",
                "Engineers inspected the bridge on Thursday morning.");
        JsonNode suggestion = withQuote(awaitSuggestions(article, 1), "the the");
        assertThat(suggestion.get("state").asText()).isEqualTo("OPEN");

        TestApi.Answer accepted = api.post("fiona", "/api/articles/" + article + "/suggestions/"
                + suggestion.get("id").asLong() + "/accept", null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        JsonNode claim = accepted.json();
        assertThat(claim.get("source").asText()).isEqualTo("detector:repeated-words");
        assertThat(claim.get("flaggedBy").asText()).isEqualTo("fiona");
        assertThat(claim.get("quote").asText()).isEqualTo("the the");
        assertThat(claim.get("replacement").asText()).isEqualTo("the");
        assertThat(claim.get("category").asText()).isEqualTo("TYPO");
        assertThat(api.claim(claim.get("id").asLong()).get("state").asText()).isEqualTo("FLAGGED");
        JsonNode after = withQuote(suggestionsOf(article), "the the");
        assertThat(after.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(after.get("claimId").asLong()).isEqualTo(claim.get("id").asLong());

        TestApi.Answer again = api.post("farid", "/api/articles/" + article + "/suggestions/"
                + suggestion.get("id").asLong() + "/accept", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @Test
    void aDismissedSuggestionIsRecordedAndNotProposedAgain() {
        long article = api.importArticle("Officials said they had recieved no complaints about the the plan.");
        JsonNode suggestions = awaitSuggestions(article, 2);
        long typo = withQuote(suggestions, "recieved").get("id").asLong();

        TestApi.Answer dismissed = api.post("edith", "/api/articles/" + article + "/suggestions/" + typo
                + "/dismiss", null);
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.json().get("state").asText()).isEqualTo("DISMISSED");
        assertThat(dismissed.json().get("decidedBy").asText()).isEqualTo("edith");

        JsonNode rescanned = api.post("fiona", "/api/articles/" + article + "/suggestions/scan", null).json();
        List<String> open = rescanned.findValues("state").stream().map(JsonNode::asText).toList();
        assertThat(rescanned.size()).isEqualTo(2);
        assertThat(withQuote(rescanned, "recieved").get("state").asText()).isEqualTo("DISMISSED");
        assertThat(open).containsOnlyOnce("DISMISSED");
    }

    @Test
    void scanningATextStoresNothingAndAnswersTheSameObjectsAsTheCommand() {
        String text = "World\nA headline\n3 May 2021, 10:00\nThe mayor said the the road would reopen.";
        TestApi.Answer answer = api.postText("farid", "/api/scan", text);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode found = answer.json();
        assertThat(found.size()).isEqualTo(1);
        JsonNode s = found.get(0);
        assertThat(text.substring(s.get("start").asInt(), s.get("end").asInt())).isEqualTo("the the");
        assertThat(s.get("category").asText()).isEqualTo("TYPO");
        assertThat(s.get("suggestion").asText()).isEqualTo("the");

        TestApi.Answer malformed = api.postText("farid", "/api/scan", "just one line");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void aSuggestionWhoseTextACorrectionChangedCannotBeAcceptedButOneThatMovedCan() {
        long article = api.importArticle("Officials had recieved the the letter on Monday.",
                "According police, the letter was delivered by hand.");
        JsonNode suggestions = awaitSuggestions(article, 3);
        long repeated = withQuote(suggestions, "the the").get("id").asLong();
        long missing = withQuote(suggestions, "According police").get("id").asLong();
        long claim = api.flag("farid", article, Map.of("quote", "recieved the the", "category", "TYPO",
                "replacement", "received the"));
        work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "received the", "notice",
                "An earlier version of this article contained a typo."));
        work("edith", claim, Map.of("decision", "APPROVE"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));
        String base = "/api/articles/" + article + "/suggestions/";

        TestApi.Answer gone = api.post("fiona", base + repeated + "/accept", null);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(409);
        assertThat(gone.isProblem()).isTrue();
        assertThat(gone.json().get("type").asText()).endsWith("suggestion-text-changed");

        TestApi.Answer moved = api.post("fiona", base + missing + "/accept", null);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        String body = api.get("audrey", "/api/articles/" + article).json().get("body").asText();
        assertThat(moved.json().get("revision").asInt()).isEqualTo(2);
        assertThat(body.substring(moved.json().get("start").asInt(), moved.json().get("end").asInt()))
                .isEqualTo("According police");
    }

    private void work(String user, long claim, Map<String, Object> form) {
        String task = api.taskOf(user, claim);
        assertThat(task).as("open task of claim " + claim + " for " + user).isNotNull();
        assertThat(api.post(user, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        TestApi.Answer completed = api.post(user, "/api/tasks/" + task + "/complete", form);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    }

    @Test
    void rolesAndProblems() {
        long article = api.importArticle("The the council met on Monday evening to discuss the budget.");
        long id = withQuote(awaitSuggestions(article, 1), "The the").get("id").asLong();
        String base = "/api/articles/" + article + "/suggestions/";

        assertThat(api.post("audrey", base + id + "/accept", null).status()).isEqualTo(403);
        assertThat(api.post("audrey", base + id + "/dismiss", null).status()).isEqualTo(403);
        assertThat(api.postText("audrey", "/api/scan", "World\nH\n3 May 2021, 10:00\nText.").status()).isEqualTo(403);
        assertThat(api.get(null, base).status()).isEqualTo(401);
        assertThat(api.get("audrey", "/api/articles/" + article + "/suggestions").status()).isEqualTo(200);

        TestApi.Answer missing = api.post("fiona", base + "999999/accept", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        assertThat(api.get("fiona", "/api/articles/999999/suggestions").status()).isEqualTo(404);
    }
}
