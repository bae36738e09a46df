package org.factdesk.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/claims} a page at a time, in the database: a bare array as before, its total and links in headers,
 * a claim in review told from one waiting to be taken on every page.
 */
@FactDeskTest
class ClaimSearchPagingTest {

    @LocalServerPort
    int port;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void pagesAnArticlesClaimsOldestFirstWithTheirTotalAndLinks() {
        long article = api.importArticle("One two three four five six seven.");
        List<Long> flagged = new ArrayList<>();
        for (String word : List.of("One", "two", "three", "four", "five")) {
            flagged.add(api.flag("fiona", article, Map.of("quote", word, "category", "TYPO")));
        }
        Answer first = api.get("audrey", "/api/claims?articleId=" + article + "&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.json())).containsExactly(flagged.get(0), flagged.get(1));
        assertThat(first.header("X-Total-Count")).isEqualTo("5");
        assertThat(first.header("Link")).contains("page=1>; rel=\"next\"", "page=2>; rel=\"last\"");
        Answer last = api.get("audrey", "/api/claims?articleId=" + article + "&size=2&page=2");
        assertThat(ids(last.json())).containsExactly(flagged.get(4));
        assertThat(last.header("Link")).contains("page=1>; rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(ids(api.get("audrey", "/api/claims?articleId=" + article).json()))
                .containsExactlyElementsOf(flagged);
    }

    @Test
    void aHeldClaimIsInReviewAndTheOthersFlaggedOnEveryPageAndInTheTotals() {
        long article = api.importArticle("One two three four five six seven.");
        List<Long> flagged = new ArrayList<>();
        for (String word : List.of("One", "two", "three", "four")) {
            flagged.add(api.flag("fiona", article, Map.of("quote", word, "category", "TYPO")));
        }
        String task = api.taskOf("farid", flagged.get(1));
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        Answer inReview = api.get("audrey", "/api/claims?articleId=" + article + "&state=IN_REVIEW&size=1");
        assertThat(ids(inReview.json())).containsExactly(flagged.get(1));
        assertThat(inReview.header("X-Total-Count")).isEqualTo("1");
        assertThat(inReview.json().get(0).get("heldBy").asText()).isEqualTo("farid");

        Answer waiting = api.get("audrey", "/api/claims?articleId=" + article + "&state=FLAGGED&size=2");
        assertThat(ids(waiting.json())).containsExactly(flagged.get(0), flagged.get(2));
        assertThat(waiting.header("X-Total-Count")).isEqualTo("3");
        assertThat(ids(api.get("audrey", "/api/claims?articleId=" + article + "&state=FLAGGED&size=2&page=1")
                .json())).containsExactly(flagged.get(3));
        assertThat(api.get("audrey", "/api/claims?articleId=" + article + "&state=PUBLISHED").header("X-Total-Count"))
                .isEqualTo("0");
    }

    @Test
    void refusesAPageOrSizeOutsideTheLimitsWithAProblem() {
        for (String query : List.of("page=-1", "size=0", "size=" + (ClaimService.MAX_PAGE + 1), "page=first",
                "state=SOMEWHERE")) {
            Answer answer = api.get("audrey", "/api/claims?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
        assertThat(api.get("audrey", "/api/claims?size=" + ClaimService.MAX_PAGE).json().size())
                .isLessThanOrEqualTo(ClaimService.MAX_PAGE);
        assertThat(api.get("audrey", "/api/claims?size=" + ClaimService.DEFAULT_PAGE + "&page=" + Integer.MAX_VALUE)
                .json()).isEmpty();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }
}
