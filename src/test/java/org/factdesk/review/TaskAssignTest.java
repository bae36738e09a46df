package org.factdesk.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.testing.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Giving a review task to a colleague through {@code POST /api/tasks/{id}/assign}: who may give it (its holder, a
 * member of its group while nobody holds it, a desk lead), to whom (whoever may hold it and the four-eyes rule does
 * not bar), a task that changed hands in the meantime, and two hand-overs at once. And the queue's search.
 */
@FactDeskTest
class TaskAssignTest {

    private static final int ROUNDS = 12;

    @LocalServerPort
    int port;

    private TestApi api;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        pool = Executors.newFixedThreadPool(2);
        TestMailServer.get();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aFactCheckerGivesAnUnheldTaskToAColleagueWhoGetsItInMineAMailAndTheLogSaysWho() {
        long article = api.importArticle("The Tyne ferry carried 4,000 passengers on its first day.");
        String headline = api.get("audrey", "/api/articles/" + article).json().get("headline").asText();
        long claim = api.flag("edith", article, Map.of("quote", "4,000", "category", "NUMBER"));
        String task = api.taskOf("fiona", claim);

        Answer assigned = assign("fiona", task, "farid", "");

        assertThat(assigned.status()).as("%s", assigned).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asText()).isEqualTo("farid");
        assertThat(ids(api.queue("farid", "tab=mine"))).contains(task);
        assertThat(ids(api.queue("fiona", "tab=all"))).doesNotContain(task);
        JsonNode entry = entries(claim, "ASSIGNED").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo("fiona");
        assertThat(entry.toString()).contains("fiona gave Verify claim to farid");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !TestMailServer.received("farid@factdesk.example", headline).isEmpty());
        assertThat(TestMailServer.body(TestMailServer.received("farid@factdesk.example", headline).get(0)))
                .contains("given to you by fiona");
    }

    @Test
    void theHolderHandsATaskOnAndADeskLeadReassignsAnyone() {
        long article = api.importArticle("Gulls nested on the Wear bridge for the third spring running.");
        long claim = api.flag("edith", article, Map.of("quote", "Wear", "category", "NAME"));
        String task = api.taskOf("farid", claim);
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        assertThat(assign("farid", task, "fiona", null).status()).isEqualTo(200);
        assertThat(api.get("fiona", "/api/tasks/" + task).json().get("assignee").asText()).isEqualTo("fiona");

        Answer byLead = assign("dana", task, "farid", "fiona");
        assertThat(byLead.status()).as("%s", byLead).isEqualTo(200);
        assertThat(api.get("farid", "/api/tasks/" + task).json().get("assignee").asText()).isEqualTo("farid");
    }

    @Test
    void someoneWhoNeitherHoldsNorLeadsMayNotTakeAHeldTaskFromItsHolder() {
        long article = api.importArticle("The Tees barrage opened in 1995 after six years of work.");
        long claim = api.flag("edith", article, Map.of("quote", "1995", "category", "TIME"));
        String task = api.taskOf("farid", claim);
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        Answer toHerself = assign("fiona", task, "fiona", null);
        Answer byAnEditor = assign("edith", task, "fiona", null);

        assertThat(toHerself.status()).as("%s", toHerself).isEqualTo(403);
        assertThat(toHerself.json().get("type").asText()).isEqualTo("urn:factdesk:problem:not-allowed-to-assign");
        assertThat(toHerself.json().get("detail").asText()).contains("farid holds it", "only its holder");
        assertThat(byAnEditor.status()).as("%s", byAnEditor).isEqualTo(403);
        assertThat(api.get("farid", "/api/tasks/" + task).json().get("assignee").asText()).isEqualTo("farid");
    }

    @Test
    void aTaskGoesOnlyToSomeoneInItsGroup() {
        long article = api.importArticle("The Tweed salmon run peaked in late October.");
        long claim = api.flag("edith", article, Map.of("quote", "October", "category", "TIME"));
        String task = api.taskOf("fiona", claim);

        Answer toAnEditor = assign("fiona", task, "edith", "");
        Answer toNobody = assign("fiona", task, " ", "");

        assertThat(toAnEditor.status()).as("%s", toAnEditor).isEqualTo(422);
        assertThat(toAnEditor.json().get("type").asText()).isEqualTo("urn:factdesk:problem:assignee-not-allowed");
        assertThat(toAnEditor.json().get("detail").asText()).contains("work for fact-checkers", "edith");
        assertThat(toNobody.status()).isEqualTo(400);
        assertThat(api.get("fiona", "/api/tasks/" + task).json().path("assignee").isTextual()).isFalse();
    }

    @Test
    void theFourEyesRuleKeepsAnApprovalFromItsFlagger() {
        long article = api.importArticle("The Humber estuary is 40 miles long from Trent Falls to Spurn.");
        long claim = api.flag("elliot", article, Map.of("quote", "40 miles", "category", "NUMBER",
                "replacement", "38 miles"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "38 miles", "notice",
                "An earlier version gave the estuary's length as 40 miles."));
        String approval = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim),
                id -> id != null);

        Answer toFlagger = assign("edith", approval, "elliot", "");

        assertThat(toFlagger.status()).as("%s", toFlagger).isEqualTo(422);
        assertThat(toFlagger.json().get("detail").asText()).contains("elliot", "flagged", "four-eyes");
        assertThat(api.get("edith", "/api/tasks/" + approval).json().path("assignee").isTextual()).isFalse();
        // elliot may still hand the approval on: the rule bars him from holding it, not from passing it on.
        Answer byFlagger = assign("elliot", approval, "edith", "");
        assertThat(byFlagger.status()).as("%s", byFlagger).isEqualTo(200);
    }

    @Test
    void aTaskThatChangedHandsSinceTheAssignerLookedIsA409() {
        long article = api.importArticle("The Derwent reservoir holds 50,000 megalitres.");
        long claim = api.flag("edith", article, Map.of("quote", "50,000", "category", "NUMBER"));
        String task = api.taskOf("fiona", claim);
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        Answer stale = assign("dana", task, "fiona", "");

        assertThat(stale.status()).as("%s", stale).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).isEqualTo("urn:factdesk:problem:task-changed-hands");
        assertThat(api.get("farid", "/api/tasks/" + task).json().get("assignee").asText()).isEqualTo("farid");
    }

    @Test
    void ofTwoAssignsAtOnceExactlyOneWinsEveryRound() throws Exception {
        long article = api.importArticle(java.util.stream.IntStream.rangeClosed(1, ROUNDS)
                .mapToObj(i -> String.format("Lock %02d on the Leeds canal rose %d feet.", i, i))
                .toArray(String[]::new));
        for (int i = 1; i <= ROUNDS; i++) {
            long claim = api.flag("edith", article, Map.of("quote", String.format("Lock %02d", i), "category",
                    "NUMBER"));
            String task = api.taskOf("fiona", claim);

            List<Answer> answers = atOnce(() -> assign("fiona", task, "farid", ""),
                    () -> assign("farid", task, "fiona", ""));

            String round = "round " + i + ": " + answers;
            assertThat(answers).as(round).extracting(Answer::status).containsExactlyInAnyOrder(200, 409);
            Answer won = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
            String holder = won.json().get("assignee").asText();
            assertThat(api.get(holder, "/api/tasks/" + task).json().get("assignee").asText()).as(round)
                    .isEqualTo(holder);
            assertThat(entries(claim, "ASSIGNED")).as(round).hasSize(1);
        }
    }

    @Test
    void searchFindsTasksByTheWordsOfTheirQuoteOrHeadlineInAnyCase() {
        long article = api.importArticle("The Ouse flooded Selby's Micklegate on Friday night.");
        String headline = api.get("audrey", "/api/articles/" + article).json().get("headline").asText();
        long claim = api.flag("edith", article, Map.of("quote", "Micklegate", "category", "NAME"));
        String task = api.taskOf("fiona", claim);
        String headlineWord = java.util.Arrays.stream(headline.split("\\W+")).filter(w -> w.length() > 3)
                .reduce((a, b) -> b).orElseThrow();

        assertThat(ids(api.queue("fiona", "q=mICKLEgate"))).contains(task);
        assertThat(ids(api.queue("fiona", "q=" + headlineWord.toUpperCase() + "%20micklegate")))
                .contains(task);
        assertThat(ids(api.queue("fiona", "q=micklegate%20zzzunheard"))).doesNotContain(task);
        // LIKE's wildcards are letters like any other: they match themselves, not "any".
        assertThat(ids(api.queue("fiona", "q=Mickle_ate"))).doesNotContain(task);
        assertThat(ids(api.queue("fiona", "q=Mick%25gate"))).doesNotContain(task);

        Answer tooLong = api.get("fiona", "/api/tasks?q=" + "a".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asText()).contains("200");
    }

    private Answer assign(String user, String task, String assignee, String expectedHolder) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("assignee", assignee);
        if (expectedHolder != null) {
            body.put("expectedHolder", expectedHolder);
        }
        return api.post(user, "/api/tasks/" + task + "/assign", body);
    }

    @SafeVarargs
    private List<Answer> atOnce(java.util.function.Supplier<Answer>... calls) throws Exception {
        CyclicBarrier start = new CyclicBarrier(calls.length);
        List<Future<Answer>> pending = new ArrayList<>();
        for (java.util.function.Supplier<Answer> call : calls) {
            pending.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.get();
            }));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> answer : pending) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static List<String> ids(List<JsonNode> tasks) {
        return tasks.stream().map(t -> t.get("id").asText()).toList();
    }

    private List<JsonNode> entries(long claim, String action) {
        List<JsonNode> found = new ArrayList<>();
        api.get("audrey", "/api/claims/" + claim + "/history").json().forEach(entry -> {
            if (action.equals(entry.path("action").asText())) {
                found.add(entry);
            }
        });
        return found;
    }
}
