package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two fact-checkers claiming one task at the same moment: exactly one gets it, the other a 409, every time. */
@FactDeskTest
class TaskClaimRaceTest {

    private static final int ROUNDS = 30;
    private static final List<String> RIVALS = List.of("fiona", "farid");

    @LocalServerPort
    int port;

    private TestApi api;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        pool = Executors.newFixedThreadPool(RIVALS.size());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void exactlyOneOfTwoSimultaneousClaimsWinsEveryRound() throws Exception {
        List<Long> claims = claimsOnAFreshArticle(ROUNDS);

        for (long claim : claims) {
            String task = api.taskOf("fiona", claim);
            List<Answer> answers = claimAtOnce(task);

            String round = "claim " + claim + ": " + answers;
            assertThat(answers).as(round).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
            int winnerIndex = answers.get(0).status() == 200 ? 0 : 1;
            String winner = RIVALS.get(winnerIndex);
            Answer lost = answers.get(1 - winnerIndex);
            assertThat(lost.isProblem()).as(round).isTrue();
            assertThat(lost.json().path("status").asInt()).as(round).isEqualTo(409);
            assertThat(answers.get(winnerIndex).json().path("assignee").asText()).as(round).isEqualTo(winner);
            assertThat(api.get(winner, "/api/tasks/" + task).json().path("assignee").asText()).as(round)
                    .isEqualTo(winner);
            assertThat(api.claim(claim).path("heldBy").asText()).as(round).isEqualTo(winner);
            assertThat(claimedEntries(claim)).as(round).containsExactly(winner);
        }
    }

    /** Releases both rivals' claim requests for one task together and returns their answers, fiona's first. */
    private List<Answer> claimAtOnce(String task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(RIVALS.size());
        List<Future<Answer>> pending = new ArrayList<>();
        for (String rival : RIVALS) {
            pending.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return api.post(rival, "/api/tasks/" + task + "/claim", null);
            }));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : pending) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** One fresh article with {@code count} distinct quotes, each flagged by edith. */
    private List<Long> claimsOnAFreshArticle(int count) {
        String[] paragraphs = IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("Gauge %02d put the river at %d centimetres.", i, 100 + i))
                .toArray(String[]::new);
        long article = api.importArticle(paragraphs);
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> api.flag("edith", article, Map.of("quote", String.format("Gauge %02d", i),
                        "category", "NUMBER", "note", "Check the gauge reading.")))
                .toList();
    }

    /** The actors of the claim's CLAIMED entries. */
    private List<String> claimedEntries(long claim) {
        List<String> actors = new ArrayList<>();
        api.get("audrey", "/api/claims/" + claim + "/history").json().forEach(entry -> {
            if ("CLAIMED".equals(entry.path("action").asText())) {
                actors.add(entry.path("actor").asText());
            }
        });
        return actors;
    }
}
