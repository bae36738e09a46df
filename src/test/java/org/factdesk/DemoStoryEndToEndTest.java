package org.factdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo story through the API, on the seed article and its three demo claims: two corrections and a
 * clarification are published, and the auditor can read every step. The only test that touches the seed article.
 */
@FactDeskTest
class DemoStoryEndToEndTest {

    private static final String SEED_HEADLINE = "Iran attacks US troops";
    private static final Instant SEED_UPDATED_AT = Instant.parse("2020-01-08T08:34:00Z");
    private static final Duration PUBLISHING = Duration.ofSeconds(30);

    private static final String TYPO_NOTICE = "An earlier version of this article gave the Erbil air base as a vase.";
    private static final String NAME_NOTICE =
            "An earlier version of this article misspelled the name of Qassem Soleimani.";
    private static final String TIME_NOTICE = "The Pentagon's \"5:30 pm on Jan. 7\" is US Eastern time: 22:30 GMT on "
            + "7 January, which was 1.30am on 8 January in Iraq, the time given above. The quotation is unchanged.";

    /** "Correction, 24 November 2026, 10:12 GMT: " or the same with "Clarification" and BST. */
    private static final Pattern NOTICE_HEAD =
            Pattern.compile("^(Correction|Clarification), \\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2} (GMT|BST): ");

    @LocalServerPort
    int port;

    @Test
    void publishesTheDemoCorrectionsAndClarificationWithAFullAuditTrail() {
        TestApi api = new TestApi(port);
        long article = seedArticle(api);
        JsonNode before = api.get("audrey", "/api/articles/" + article).json();
        assertThat(before.get("revision").asInt()).isEqualTo(1);
        assertThat(Instant.parse(before.get("updatedAt").asText())).isEqualTo(SEED_UPDATED_AT);
        long typo = demoClaim(api, article, "Erbil vase");
        long name = demoClaim(api, article, "Soleimai");
        long time = demoClaim(api, article, "5:30 pm on Jan. 7");

        verify(api, "fiona", typo, "ERROR_CONFIRMED", "Erbil base", TYPO_NOTICE);
        approve(api, "edith", typo);
        awaitPublished(api, typo);
        verify(api, "fiona", name, "ERROR_CONFIRMED", "Soleimani", NAME_NOTICE);
        approve(api, "edith", name);
        awaitPublished(api, name);
        verify(api, "farid", time, "CLARIFICATION_NEEDED", null, TIME_NOTICE);
        approve(api, "elliot", time);
        awaitPublished(api, time);

        JsonNode after = api.get("audrey", "/api/articles/" + article).json();
        assertCorrectedText(before.get("body").asText(), after.get("body").asText());
        assertNotices(after, List.of(typo, name, time));
        assertThat(after.get("revision").asInt()).isEqualTo(4);
        Instant updatedAt = Instant.parse(after.get("updatedAt").asText());
        assertThat(updatedAt).isAfter(SEED_UPDATED_AT)
                .isEqualTo(Instant.parse(list(after.get("corrections")).get(2).get("publishedAt").asText()));
        assertRevisions(api, article, before.get("body").asText(), after.get("body").asText());
        assertHistory(api, typo, "fiona", "fiona", "edith");
        assertHistory(api, name, "fiona", "fiona", "edith");
        assertHistory(api, time, "fiona", "farid", "elliot");
        assertTypoPublishedEntry(api, typo);
        assertAuditLog(api, article, List.of(typo, name, time));
    }

    private static void assertCorrectedText(String original, String body) {
        assertThat(body).doesNotContain("Erbil vase").contains("Erbil base");
        assertThat(Pattern.compile("Soleimai\\b").matcher(body).find()).as("'Soleimai' is gone").isFalse();
        assertThat(body).contains("\"Martyr Soleimani\"")
                .contains("5:30 pm on Jan. 7")
                .contains("1.30am local time (10.30pm GMT)");
        assertThat(body).isEqualTo(original.replace("Erbil vase", "Erbil base").replace("Soleimai", "Soleimani"));
    }

    private static void assertNotices(JsonNode article, List<Long> claims) {
        List<JsonNode> corrections = list(article.get("corrections"));
        assertThat(corrections).extracting(c -> c.get("kind").asText())
                .containsExactly("CORRECTION", "CORRECTION", "CLARIFICATION");
        assertThat(corrections).extracting(c -> c.get("claimId").asLong()).containsExactlyElementsOf(claims);
        assertThat(corrections).extracting(c -> c.get("revision").asInt()).containsExactly(2, 3, 4);
        List<String> notices = List.of(TYPO_NOTICE, NAME_NOTICE, TIME_NOTICE);
        for (int i = 0; i < corrections.size(); i++) {
            JsonNode correction = corrections.get(i);
            String notice = correction.get("notice").asText();
            String kind = i < 2 ? "Correction, " : "Clarification, ";
            assertThat(notice).startsWith(kind).endsWith(": " + notices.get(i));
            assertThat(NOTICE_HEAD.matcher(notice).find()).as("dated notice: " + notice).isTrue();
            assertThat(Instant.parse(correction.get("publishedAt").asText())).isAfter(SEED_UPDATED_AT);
        }
    }

    private static void assertRevisions(TestApi api, long article, String original, String corrected) {
        for (int n = 1; n <= 4; n++) {
            Answer answer = api.get("audrey", "/api/articles/" + article + "/revisions/" + n);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("revision").asInt()).isEqualTo(n);
        }
        assertThat(revisionBody(api, article, 1)).isEqualTo(original);
        assertThat(revisionBody(api, article, 2)).contains("Erbil base").contains("Soleimai\"");
        assertThat(revisionBody(api, article, 3)).isEqualTo(corrected);
        assertThat(revisionBody(api, article, 4)).isEqualTo(corrected);
        assertThat(api.get("audrey", "/api/articles/" + article + "/revisions/5").status()).isEqualTo(404);
    }

    private static void assertHistory(TestApi api, long claim, String flagger, String verifier, String approver) {
        List<JsonNode> history = list(api.get("audrey", "/api/claims/" + claim + "/history").json());

        assertThat(history).extracting(e -> e.get("action").asText())
                .containsExactly("FLAGGED", "CLAIMED", "VERDICT", "CLAIMED", "APPROVED", "PUBLISHED");
        assertThat(history).extracting(e -> e.get("actor").asText())
                .containsExactly(flagger, verifier, verifier, approver, approver, "system");
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.get("claimId").asLong()).isEqualTo(claim);
            assertThat(entry.get("at").asText()).endsWith("Z");
            Instant.parse(entry.get("at").asText());
        });
        assertThat(history).extracting(e -> Instant.parse(e.get("at").asText())).isSorted();
    }

    private static void assertTypoPublishedEntry(TestApi api, long typo) {
        JsonNode published = list(api.get("audrey", "/api/claims/" + typo + "/history").json()).get(5);

        assertThat(published.get("action").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("revision").asInt()).isEqualTo(2);
        assertThat(published.get("before").asText()).contains("Erbil vase").doesNotContain("Erbil base");
        assertThat(published.get("after").asText()).contains("Erbil base").doesNotContain("Erbil vase");
    }

    private static void assertAuditLog(TestApi api, long article, List<Long> claims) {
        List<JsonNode> log = list(api.get("audrey", "/api/audit?articleId=" + article).json());
        List<Long> ids = log.stream().map(entry -> entry.get("id").asLong()).toList();
        for (long claim : claims) {
            List<Long> history = list(api.get("audrey", "/api/claims/" + claim + "/history").json()).stream()
                    .map(entry -> entry.get("id").asLong()).toList();
            assertThat(ids).containsAll(history);
        }
        assertThat(log).allSatisfy(entry -> assertThat(entry.get("articleId").asLong()).isEqualTo(article));
        assertThat(log).extracting(e -> e.get("action").asText()).startsWith("IMPORTED");

        List<JsonNode> farid = list(api.get("audrey", "/api/audit?articleId=" + article + "&actor=farid").json());
        assertThat(farid).extracting(e -> e.get("action").asText()).containsExactly("CLAIMED", "VERDICT");
        assertThat(farid).allSatisfy(e -> assertThat(e.get("actor").asText()).isEqualTo("farid"));
        List<JsonNode> edith = list(api.get("audrey", "/api/audit?articleId=" + article + "&actor=edith").json());
        assertThat(edith).extracting(e -> e.get("action").asText())
                .containsExactly("CLAIMED", "APPROVED", "CLAIMED", "APPROVED");
        assertThat(edith).extracting(e -> e.get("claimId").asLong()).containsExactly(claims.get(0), claims.get(0),
                claims.get(1), claims.get(1));
    }

    // Fixtures

    private static long seedArticle(TestApi api) {
        List<JsonNode> seeds = list(api.get("audrey", "/api/articles").json()).stream()
                .filter(a -> a.get("headline").asText().startsWith(SEED_HEADLINE)).toList();
        assertThat(seeds).as("the seed article").hasSize(1);
        return seeds.get(0).get("id").asLong();
    }

    private static long demoClaim(TestApi api, long article, String quote) {
        List<JsonNode> claims = list(api.get("audrey", "/api/claims?articleId=" + article).json()).stream()
                .filter(c -> c.get("quote").asText().equals(quote)).toList();
        assertThat(claims).as("demo claim '" + quote + "'").hasSize(1);
        assertThat(claims.get(0).get("state").asText()).isEqualTo("FLAGGED");
        assertThat(claims.get(0).get("flaggedBy").asText()).isEqualTo("fiona");
        return claims.get(0).get("id").asLong();
    }

    private static void verify(TestApi api, String user, long claim, String verdict, String replacement,
            String notice) {
        Map<String, Object> form = new HashMap<>();
        form.put("verdict", verdict);
        form.put("replacement", replacement);
        form.put("notice", notice);
        work(api, user, claim, form);
    }

    private static void approve(TestApi api, String user, long claim) {
        work(api, user, claim, Map.of("decision", "APPROVE"));
    }

    private static void work(TestApi api, String user, long claim, Map<String, Object> form) {
        String task = api.taskOf(user, claim);
        assertThat(task).as("open task of claim " + claim + " for " + user).isNotNull();
        Answer claimed = api.post(user, "/api/tasks/" + task + "/claim", null);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        Answer completed = api.post(user, "/api/tasks/" + task + "/complete", form);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    }

    private static void awaitPublished(TestApi api, long claim) {
        await().atMost(PUBLISHING).until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));
    }

    private static String revisionBody(TestApi api, long article, int revision) {
        return api.get("audrey", "/api/articles/" + article + "/revisions/" + revision).json().get("body").asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        assertThat(array.isArray()).as("JSON array: " + array).isTrue();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
