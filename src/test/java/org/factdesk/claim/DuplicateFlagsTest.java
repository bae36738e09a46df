package org.factdesk.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same words at the same place are flagged once while their claim is open: the API, an accepted detector
 * suggestion and two people at the same moment all get 409 {@code claim-already-open} naming the open claim, while
 * overlapping but different words, another place of the same words, and the words after their claim closed pass.
 */
@FactDeskTest
class DuplicateFlagsTest {

    private static final String TYPE = "urn:factdesk:problem:claim-already-open";

    @LocalServerPort
    int port;

    private TestApi api;

    @BeforeEach
    void connect() {
        api = new TestApi(port);
    }

    @Test
    void refusesTheSameWordsAtTheSamePlaceAndNamesTheOpenClaim() {
        long article = api.importArticle("The fire chief, Marcus Delany, said nobody was hurt.",
                "Delany thanked the crews.");
        int start = body(article).indexOf("Marcus Delany");
        long first = api.flag("fiona", article, request("Marcus Delany", start));

        Answer again = flag("edith", article, request("Marcus Delany", start));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        JsonNode problem = again.json();
        assertThat(problem.get("type").asText()).isEqualTo(TYPE);
        assertThat(problem.get("detail").asText()).contains("Claim #" + first, "(Flagged)", "Marcus Delany");
        assertThat(problem.get("claimId").asLong()).isEqualTo(first);
        assertThat(problem.get("claimState").asText()).isEqualTo("FLAGGED");
        assertThat(problem.get("claim").asText()).isEqualTo("/api/claims/" + first);
        assertThat(problem.get("page").asText()).isEqualTo("/articles/" + article + "#claim-" + first + "-info");
        assertThat(problem.get("field").asText()).isEqualTo("quote");
        // Without a start the only place of the words is meant: the same place, refused the same way.
        Map<String, Object> unplaced = request("Marcus Delany", null);
        assertThat(flag("farid", article, unplaced).json().get("claimId").asLong()).isEqualTo(first);
        assertThat(claimsOf(article)).hasSize(1);
    }

    @Test
    void letsOverlappingWordsAndOtherPlacesOfTheSameWordsThrough() {
        long article = api.importArticle("The fire chief, Marcus Delany, said nobody was hurt.",
                "Delany thanked the crews.");
        String body = body(article);
        api.flag("fiona", article, request("Marcus Delany", body.indexOf("Marcus Delany")));

        assertThat(flag("fiona", article, request("Delany", body.indexOf("Delany"))).status()).isEqualTo(201);
        assertThat(flag("fiona", article, request("chief, Marcus", body.indexOf("chief, Marcus"))).status())
                .isEqualTo(201);
        assertThat(flag("fiona", article, request("Delany", body.lastIndexOf("Delany"))).status()).isEqualTo(201);
        assertThat(claimsOf(article)).hasSize(4);
    }

    @Test
    void aClaimOnEveryOccurrenceCoversEachPlaceOfItsWords() {
        long article = api.importArticle("Soleimai spoke first.", "Later Soleimai spoke again.");
        Map<String, Object> everywhere = request("Soleimai", null);
        everywhere.put("scope", "ALL");
        long all = api.flag("fiona", article, everywhere);

        Answer second = flag("edith", article, request("Soleimai", body(article).lastIndexOf("Soleimai")));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("claimId").asLong()).isEqualTo(all);
        assertThat(flag("edith", article, everywhere).json().get("type").asText()).isEqualTo(TYPE);
    }

    @Test
    void theWordsCanBeFlaggedAgainOnceTheirClaimIsClosed() {
        long article = api.importArticle("The bridge opened in 1887, the council said.");
        int start = body(article).indexOf("1887");
        long first = api.flag("fiona", article, request("1887", start));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("farid", first) != null);
        api.work("farid", first, Map.of("verdict", "NOT_AN_ERROR", "note", "The council's records say 1887."));
        api.awaitState(first, "DISMISSED");

        Answer again = flag("fiona", article, request("1887", start));

        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isNotEqualTo(first);
    }

    @Test
    void ofTwoPeopleFlaggingTheSameWordsAtOnceExactlyOneWins() throws Exception {
        int people = 6;
        for (int round = 0; round < 3; round++) {
            long article = api.importArticle("Crews from three stations spent four hours at the Riverside fire.");
            int start = body(article).indexOf("four hours");
            CountDownLatch ready = new CountDownLatch(people);
            ExecutorService pool = Executors.newFixedThreadPool(people);
            List<Future<Answer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < people; i++) {
                    String user = i % 2 == 0 ? "fiona" : "edith";
                    answers.add(pool.submit(() -> {
                        ready.countDown();
                        ready.await();
                        return flag(user, article, request("four hours", start));
                    }));
                }
                List<Answer> done = new ArrayList<>();
                for (Future<Answer> answer : answers) {
                    done.add(answer.get());
                }
                assertThat(done).filteredOn(a -> a.status() == 201).hasSize(1);
                assertThat(done).filteredOn(a -> a.status() != 201).hasSize(people - 1)
                        .allSatisfy(a -> assertThat(a.status()).as("%s", a).isEqualTo(409));
                long winner = done.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().json()
                        .get("id").asLong();
                assertThat(done).filteredOn(a -> a.status() == 409)
                        .allSatisfy(a -> assertThat(a.json().get("type").asText()).isEqualTo(TYPE))
                        .allSatisfy(a -> assertThat(a.json().get("claimId").asLong()).isEqualTo(winner));
                assertThat(claimsOf(article)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void acceptingASuggestionOnWordsWithAnOpenClaimIsRefused() {
        long article = api.importArticle("The the council met on Monday to discuss the budget.");
        JsonNode found = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("fiona", "/api/articles/" + article + "/suggestions").json(), json -> json.size() >= 1);
        JsonNode suggestion = found.get(0);
        long claim = api.flag("fiona", article, request(suggestion.get("quote").asText(),
                suggestion.get("start").asInt()));

        Answer accepted = api.post("edith", "/api/articles/" + article + "/suggestions/"
                + suggestion.get("id").asLong() + "/accept", null);

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(409);
        assertThat(accepted.json().get("type").asText()).isEqualTo(TYPE);
        assertThat(accepted.json().get("claimId").asLong()).isEqualTo(claim);
        assertThat(claimsOf(article)).hasSize(1);
    }

    private Answer flag(String user, long article, Map<String, Object> request) {
        return api.post(user, "/api/articles/" + article + "/claims", request);
    }

    private static Map<String, Object> request(String quote, Integer start) {
        Map<String, Object> request = new HashMap<>();
        request.put("quote", quote);
        if (start != null) {
            request.put("start", start);
        }
        request.put("category", "NAME");
        return request;
    }

    private String body(long article) {
        return api.get("audrey", "/api/articles/" + article).json().get("body").asText();
    }

    private List<JsonNode> claimsOf(long article) {
        List<JsonNode> claims = new ArrayList<>();
        api.get("audrey", "/api/claims?articleId=" + article).json().forEach(claims::add);
        return claims;
    }
}
