package org.factdesk.publication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty editors' approvals on one article at once: every correction is published, each on the text the one before
 * left, none waits for a retry and none ends in an incident.
 */
@FactDeskTest
class ConcurrentPublicationTest {

    private static final int CLAIMS = 20;

    @LocalServerPort
    int port;

    @Autowired
    HistoryService historyService;

    @Test
    void twentyApprovalsOnOneArticleAllPublishOneAfterTheOther() throws Exception {
        TestApi api = new TestApi(port);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            paragraphs.add("Paragraph " + i + " names the vilage of Item" + i + "z on the river.");
        }
        long article = api.importArticle(paragraphs.toArray(String[]::new));
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            long claim = api.flag("farid", article, Map.of("quote", "vilage of Item" + i + "z", "category", "TYPO",
                    "replacement", "village of Item" + i + "z"));
            api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                    "notice", "An earlier version of this article misspelled village."));
            claims.add(claim);
        }
        List<String> approvals = claims.stream().map(claim -> api.taskOf("edith", claim)).toList();

        ExecutorService editors = Executors.newFixedThreadPool(CLAIMS);
        List<Future<TestApi.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            String editor = i % 2 == 0 ? "edith" : "elliot";
            String task = approvals.get(i);
            answers.add(editors.submit(() -> api.post(editor, "/api/tasks/" + task + "/complete",
                    Map.of("decision", "APPROVE"))));
        }
        for (Future<TestApi.Answer> answer : answers) {
            assertThat(answer.get().status()).as("%s", answer.get()).isEqualTo(204);
        }
        editors.shutdown();

        // The job executor's first try is what publishes: none needs the retry a minute later.
        await().atMost(Duration.ofSeconds(50)).until(() -> claims.stream()
                .allMatch(claim -> "PUBLISHED".equals(api.claim(claim).get("state").asText())));
        JsonNode published = api.get("audrey", "/api/articles/" + article).json();
        assertThat(published.get("revision").asInt()).isEqualTo(CLAIMS + 1);
        Set<Long> publishedClaims = new HashSet<>();
        published.get("corrections").forEach(correction -> publishedClaims.add(correction.get("claimId").asLong()));
        assertThat(publishedClaims).containsExactlyInAnyOrderElementsOf(claims);
        String body = published.get("body").asText();
        assertThat(body).doesNotContain("vilage");
        for (int i = 0; i < CLAIMS; i++) {
            assertThat(body).contains("village of Item" + i + "z on");
        }
        for (long claim : claims) {
            String instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();
            assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count())
                    .as("failed publish attempts of claim %d", claim).isZero();
        }
        assertThat(api.get("audrey", "/api/audit/verify").json().get("valid").asBoolean()).isTrue();
    }
}
