package org.factdesk.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Flags claims through the API on fresh articles, and refuses flags that do not match the text without storing anything. */
@FactDeskTest
class FlaggingApiTest {

    private static final String PROBLEM = "urn:factdesk:problem:";

    private static final String[] PARAGRAPHS = {
            "The attack targeted Al Asad base and the Erbil vase in Kurdistan.",
            "The name of the attack was \"Martyr Soleimai\", state media said.",
            "Later the Erbil vase was named again, and Soleimai too, and once more: Soleimai."
    };

    @LocalServerPort
    int port;

    private TestApi api;

    @BeforeEach
    void connect() {
        api = new TestApi(port);
    }

    @Test
    void flagsAUniqueQuoteWithItsPositionAndContext() {
        long article = api.importArticle(PARAGRAPHS);
        String body = body(article);

        Answer answer = flagAs("fiona", article, request("\"Martyr Soleimai\"", "NAME", "\"Martyr Soleimani\""));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode claim = answer.json();
        int start = body.indexOf("\"Martyr Soleimai\"");
        assertThat(claim.get("id").asLong()).isPositive();
        assertThat(claim.get("articleId").asLong()).isEqualTo(article);
        assertThat(claim.get("revision").asInt()).isEqualTo(1);
        assertThat(claim.get("quote").asText()).isEqualTo("\"Martyr Soleimai\"");
        assertThat(claim.get("start").asInt()).isEqualTo(start);
        assertThat(claim.get("end").asInt()).isEqualTo(start + "\"Martyr Soleimai\"".length());
        assertThat(claim.get("prefix").asText()).isEqualTo(body.substring(start - 32, start));
        assertThat(claim.get("suffix").asText()).isEqualTo(body.substring(claim.get("end").asInt(),
                claim.get("end").asInt() + 32));
        assertThat(claim.get("scope").asText()).isEqualTo("ONE");
        assertThat(claim.get("occurrences").asInt()).isEqualTo(1);
        assertThat(claim.get("category").asText()).isEqualTo("NAME");
        assertThat(claim.get("severity").asText()).isEqualTo("MEDIUM");
        assertThat(claim.get("replacement").asText()).isEqualTo("\"Martyr Soleimani\"");
        assertThat(claim.get("note").asText()).isEqualTo("Flagged by a test.");
        assertThat(claim.get("state").asText()).isEqualTo("FLAGGED");
        assertThat(claim.get("flaggedBy").asText()).isEqualTo("fiona");
        assertThat(answer.json()).isEqualTo(api.claim(claim.get("id").asLong()));
    }

    @Test
    void flagsTheChosenOccurrence() {
        long article = api.importArticle(PARAGRAPHS);
        String body = body(article);
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("occurrence", 2);

        JsonNode claim = flagAs("edith", article, request).json();

        assertThat(claim.get("start").asInt()).isEqualTo(body.lastIndexOf("Erbil vase"));
        assertThat(claim.get("scope").asText()).isEqualTo("ONE");
        assertThat(claim.get("flaggedBy").asText()).isEqualTo("edith");
    }

    @Test
    void flagsTheOccurrenceAtTheGivenStart() {
        long article = api.importArticle(PARAGRAPHS);
        int second = body(article).lastIndexOf("Erbil vase");
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("start", second);

        JsonNode claim = flagAs("fiona", article, request).json();

        assertThat(claim.get("start").asInt()).isEqualTo(second);
        assertThat(claim.get("end").asInt()).isEqualTo(second + "Erbil vase".length());
    }

    @Test
    void flagsEveryOccurrenceWithScopeAll() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Soleimai", "NAME", "Soleimani");
        request.put("scope", "ALL");

        JsonNode claim = flagAs("fiona", article, request).json();

        assertThat(claim.get("scope").asText()).isEqualTo("ALL");
        assertThat(claim.get("occurrences").asInt()).isEqualTo(3);
        assertThat(claim.get("start").asInt()).isEqualTo(body(article).indexOf("Soleimai"));
    }

    @Test
    void putsAVerifyClaimTaskWithItsDeadlineAndPriorityInTheFactCheckersQueue() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Al Asad base", "FACTUAL", "Ain al-Asad base");
        request.put("severity", "HIGH");

        long claimId = flagAs("fiona", article, request).json().get("id").asLong();

        JsonNode task = taskOf("fiona", claimId);
        assertThat(task).as("Verify claim task in fiona's queue").isNotNull();
        assertThat(task.get("name").asText()).isEqualTo("Verify claim");
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("Task_VerifyClaim");
        assertThat(task.get("claimId").asLong()).isEqualTo(claimId);
        assertThat(task.get("articleId").asLong()).isEqualTo(article);
        assertThat(task.get("assignee")).isNull();
        // ClaimRouting: a HIGH FACTUAL claim is URGENT, priority 90, due within two hours.
        assertThat(task.get("priority").asInt()).isEqualTo(90);
        Instant created = Instant.parse(task.get("created").asText());
        Instant due = Instant.parse(task.get("due").asText());
        assertThat(Duration.between(created, due)).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
        assertThat(taskOf("farid", claimId)).as("the other fact-checker sees it too").isNotNull();
        assertThat(taskOf("edith", claimId)).as("editors do not verify").isNull();
    }

    @Test
    void refusesAQuoteThatIsNotInTheText() {
        long article = api.importArticle(PARAGRAPHS);

        Answer answer = flagAs("fiona", article, request("Erbil case", "TYPO", "Erbil base"));

        assertRefused(answer, 400, "quote-not-found", "'Erbil case'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAQuoteThatOccursMoreThanOnceWithoutSayingWhich() {
        long article = api.importArticle(PARAGRAPHS);

        Answer answer = flagAs("fiona", article, request("Erbil vase", "TYPO", "Erbil base"));

        assertRefused(answer, 400, "ambiguous-quote", "'Erbil vase' occurs 2 times");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAnOccurrenceThatDoesNotExist() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("occurrence", 3);

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "occurrence-not-found", "occurrence 3 does not exist");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAStartWhereTheQuoteDoesNotBegin() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("start", 5);

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "quote-not-at-start", "does not start at index 5");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAnUnknownCategory() {
        long article = api.importArticle(PARAGRAPHS);

        Answer answer = flagAs("fiona", article, request("Al Asad base", "SPELLING", "Ain al-Asad base"));

        assertRefused(answer, 400, "unknown-category", "'SPELLING'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAnUnknownSeverity() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Al Asad base", "FACTUAL", "Ain al-Asad base");
        request.put("severity", "DIRE");

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "unknown-severity", "'DIRE'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAClaimWithoutAQuote() {
        long article = api.importArticle(PARAGRAPHS);

        Answer answer = flagAs("fiona", article, request("  ", "TYPO", "Erbil base"));

        assertRefused(answer, 400, "invalid-claim", "'quote'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAClaimWithoutACategory() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Al Asad base", null, "Ain al-Asad base");

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "invalid-claim", "'category'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAClaimThatNamesItsPlaceTwice() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("occurrence", 1);
        request.put("scope", "ALL");

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "invalid-claim", "only one of 'occurrence', 'start' or 'scope'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAScopeOtherThanAll() {
        long article = api.importArticle(PARAGRAPHS);
        Map<String, Object> request = request("Erbil vase", "TYPO", "Erbil base");
        request.put("scope", "SOME");

        Answer answer = flagAs("fiona", article, request);

        assertRefused(answer, 400, "invalid-claim", "'SOME'");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAClaimOnAnArticleThatDoesNotExist() {
        long missing = 987_654_321L;

        Answer answer = flagAs("fiona", missing, request("Erbil vase", "TYPO", "Erbil base"));

        assertRefused(answer, 404, "article-not-found", "no article with id " + missing);
        assertThat(claimsOf(missing)).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        long article = api.importArticle(PARAGRAPHS);

        Answer answer = api.post("fiona", "/api/articles/" + article + "/claims", "{\"quote\": \"Erbil vase\", ");

        assertRefused(answer, 400, "unreadable-body", "not valid JSON");
        assertNothingStoredFor(article);
    }

    @Test
    void refusesAnArticleThatIsNotInTheSeedFormat() {
        Answer answer = api.postText("edith", "/api/articles", "Test desk\nOnly a headline " + UUID.randomUUID());

        assertRefused(answer, 400, "malformed-article", "at least 4 lines");
    }

    @Test
    void refusesTheSameArticleTextUploadedTwice() {
        String text = "Test desk\nTwice " + UUID.randomUUID() + "\n8 January 2020, 09:00\nThe same body.";
        assertThat(api.postText("edith", "/api/articles", text).status()).isEqualTo(201);

        Answer again = api.postText("edith", "/api/articles", text);

        assertRefused(again, 409, "article-already-imported", "was imported before");
    }

    private Answer flagAs(String user, long article, Map<String, Object> request) {
        return api.post(user, "/api/articles/" + article + "/claims", request);
    }

    private static Map<String, Object> request(String quote, String category, String replacement) {
        Map<String, Object> request = new HashMap<>();
        request.put("quote", quote);
        request.put("category", category);
        request.put("replacement", replacement);
        request.put("note", "Flagged by a test.");
        return request;
    }

    private String body(long article) {
        return api.get("audrey", "/api/articles/" + article).json().get("body").asText();
    }

    private List<JsonNode> claimsOf(long article) {
        Answer answer = api.get("audrey", "/api/claims?articleId=" + article);
        assertThat(answer.status()).isEqualTo(200);
        return list(answer.json());
    }

    private JsonNode taskOf(String user, long claimId) {
        return list(api.get(user, "/api/tasks?claim=" + claimId).json()).stream()
                .filter(task -> task.get("claimId").asLong() == claimId).findFirst().orElse(null);
    }

    /** The refused article has no claim, no review task in anyone's queue, and no audit entry but its import. */
    private void assertNothingStoredFor(long article) {
        assertThat(claimsOf(article)).isEmpty();
        for (String user : List.of("fiona", "edith")) {
            assertThat(api.queue(user, "article=" + article))
                    .noneMatch(task -> task.get("articleId").asLong() == article);
        }
        assertThat(list(api.get("audrey", "/api/audit?articleId=" + article).json()))
                .extracting(entry -> entry.get("action").asText()).containsExactly("IMPORTED");
    }

    private static void assertRefused(Answer answer, int status, String type, String detail) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: " + answer).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).contains(detail);
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("JSON array: " + array).isTrue();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
