package org.factdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.factdesk.testing.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog alert: a desk whose overdue open tasks pass the threshold is alerted once per crossing, however often
 * and on however many nodes the check runs, the alert lands in the audit log and desk leads see it on the queue's
 * API. The check is run at chosen instants: far ahead, every open task in the shared database is overdue; at the
 * epoch, none is.
 */
@FactDeskTest
class BacklogAlertTest {

    private static final Instant NOTHING_OVERDUE = Instant.EPOCH;

    @LocalServerPort
    int port;

    @Autowired
    BacklogWatch watch;

    @Autowired
    OpenTasks openTasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private TestApi api;
    private Instant everythingOverdue;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        // At least one open task for the fact-checkers, however the database was left.
        long article = api.importArticle("The ferry to Stornoway leaves at 07:00.");
        api.flag("fiona", article, Map.of("quote", "Stornoway", "category", "NAME"));
        everythingOverdue = clock.instant().plus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
        watch.check(NOTHING_OVERDUE, 0);
    }

    @AfterEach
    void lowerEveryAlert() {
        watch.check(NOTHING_OVERDUE, 0);
    }

    @Test
    void aDeskIsAlertedOncePerCrossingOfTheThreshold() {
        long overdue = openTasks.overdue(ClaimReviewProcess.GROUP_FACT_CHECKERS, everythingOverdue);
        int threshold = (int) overdue - 1;
        long before = alertsInTheLog();

        List<BacklogAlerted> first = watch.check(everythingOverdue, threshold);
        List<BacklogAlerted> again = watch.check(everythingOverdue, threshold);
        List<BacklogAlerted> atTheThreshold = watch.check(everythingOverdue, (int) overdue);
        List<BacklogAlerted> crossedAgain = watch.check(everythingOverdue, threshold);

        assertThat(first).filteredOn(alert -> alert.group().equals(ClaimReviewProcess.GROUP_FACT_CHECKERS))
                .singleElement().satisfies(alert -> {
                    assertThat(alert.overdue()).isEqualTo(overdue);
                    assertThat(alert.threshold()).isEqualTo(threshold);
                    assertThat(alert.at()).isEqualTo(everythingOverdue);
                });
        assertThat(again).as("still above: no second alert").isEmpty();
        assertThat(atTheThreshold).extracting(BacklogAlerted::group)
                .doesNotContain(ClaimReviewProcess.GROUP_FACT_CHECKERS);
        assertThat(crossedAgain).extracting(BacklogAlerted::group).contains(ClaimReviewProcess.GROUP_FACT_CHECKERS);
        long raised = first.size() + again.size() + atTheThreshold.size() + crossedAgain.size();
        assertThat(alertsInTheLog() - before).isEqualTo(raised);
        assertThat(lastAlertDetail()).contains(overdue + " overdue tasks for ", "threshold of ");
    }

    @Test
    void checksRunningAtOnceOnTwoNodesAlertOnce() throws Exception {
        ExecutorService twoNodes = Executors.newFixedThreadPool(2);
        try {
            // Many rounds, so that the two checks really meet inside one another's transaction in some of them.
            for (int round = 0; round < 25; round++) {
                watch.check(NOTHING_OVERDUE, 0);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<BacklogAlerted>>> nodes = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    nodes.add(twoNodes.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return watch.check(everythingOverdue, 0);
                    }));
                }
                List<BacklogAlerted> all = new ArrayList<>();
                for (Future<List<BacklogAlerted>> node : nodes) {
                    all.addAll(node.get(30, TimeUnit.SECONDS));
                }
                assertThat(all).as("round %d", round)
                        .filteredOn(alert -> alert.group().equals(ClaimReviewProcess.GROUP_FACT_CHECKERS)).hasSize(1);
            }
        } finally {
            twoNodes.shutdown();
        }
    }

    @Test
    void deskLeadsSeeWhichDesksAreAlertedOnTheQueuesApiAndPage() {
        watch.check(everythingOverdue, 0);

        Answer backlog = api.get("dana", "/api/tasks/backlog");

        assertThat(backlog.status()).as("%s", backlog).isEqualTo(200);
        JsonNode factCheckers = desk(backlog.json(), ClaimReviewProcess.GROUP_FACT_CHECKERS);
        assertThat(factCheckers.get("alerting").asBoolean()).isTrue();
        assertThat(factCheckers.get("alertedAt").asText()).isEqualTo(everythingOverdue.toString());
        assertThat(factCheckers.get("threshold").asInt()).isEqualTo(10);
        assertThat(desk(backlog.json(), ClaimReviewProcess.GROUP_EDITORS)).isNotNull();
        assertThat(api.get("admin", "/api/tasks/backlog").status()).isEqualTo(200);
        Answer factChecker = api.get("fiona", "/api/tasks/backlog");
        assertThat(factChecker.status()).isEqualTo(403);
        assertThat(factChecker.isProblem()).isTrue();

        String page = WebSession.signIn(port, "dana").send("GET", "/tasks", null, null, null).body();
        assertThat(page).contains("data-backlog", "of the fact-checkers");
        assertThat(WebSession.signIn(port, "fiona").send("GET", "/tasks", null, null, null).body())
                .doesNotContain("data-backlog");

        watch.check(NOTHING_OVERDUE, 0);
        assertThat(WebSession.signIn(port, "dana").send("GET", "/tasks", null, null, null).body())
                .doesNotContain("data-backlog");
        JsonNode lowered = desk(api.get("dana", "/api/tasks/backlog").json(), ClaimReviewProcess.GROUP_FACT_CHECKERS);
        assertThat(lowered.get("alerting").asBoolean()).isFalse();
    }

    private static JsonNode desk(JsonNode desks, String group) {
        for (JsonNode desk : desks) {
            if (group.equals(desk.get("group").asText())) {
                return desk;
            }
        }
        return null;
    }

    private long alertsInTheLog() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'BACKLOG_ALERTED'").query(Long.class)
                .single();
    }

    private String lastAlertDetail() {
        return jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'BACKLOG_ALERTED' ORDER BY seq DESC "
                + "FETCH FIRST 1 ROWS ONLY").query(String.class).single();
    }
}
