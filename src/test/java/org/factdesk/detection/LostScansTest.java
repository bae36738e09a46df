package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.ClaimService;
import org.factdesk.detection.ScanStateRepository.Outcome;
import org.factdesk.detection.ScanStateRepository.ScanState;
import org.factdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each article's scan state says which revision was last scanned and how: a scan lost before it stored (a crash, a
 * restart, a full queue) is run again by the start-up runner, and a scan that ran out of time records that, stores
 * nothing, and is tried again on a few later starts only.
 */
@FactDeskTest
class LostScansTest {

    @LocalServerPort
    int port;

    @Autowired
    LostScans lostScans;

    @Autowired
    ScanStateRepository states;

    @Autowired
    SuggestionService suggestions;

    @Autowired
    JdbcClient jdbc;

    TestApi api;

    @BeforeEach
    void client() {
        api = new TestApi(port);
    }

    private long scannedArticle() {
        long article = api.importArticle("Officials said they had recieved the the letter on Monday.");
        await().atMost(Duration.ofMinutes(3)).until(() -> states.find(article)
                .filter(s -> s.outcome() == Outcome.SCANNED).isPresent());
        return article;
    }

    private List<Long> suggestionIds(long article) {
        return jdbc.sql("SELECT id FROM suggestion WHERE article_id = ? AND state = 'OPEN' ORDER BY id")
                .param(article).query(Long.class).list();
    }

    /** As if the process had stopped before the scan stored anything. */
    private void loseTheScan(long article) {
        jdbc.sql("DELETE FROM suggestion WHERE article_id = ?").param(article).update();
        jdbc.sql("DELETE FROM scan_state WHERE article_id = ?").param(article).update();
    }

    @Test
    void anArticleWhoseScanWasLostIsScannedOnStart() {
        long article = scannedArticle();
        assertThat(suggestionIds(article)).hasSize(2);
        loseTheScan(article);
        assertThat(states.needingScan()).contains(article);

        assertThat(lostScans.queue()).isPositive();

        await().atMost(Duration.ofMinutes(3)).until(() -> states.find(article).isPresent());
        ScanState state = states.find(article).orElseThrow();
        assertThat(state.outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(state.revision()).isEqualTo(1);
        assertThat(suggestionIds(article)).hasSize(2);
        assertThat(states.needingScan()).doesNotContain(article);
    }

    @Test
    void aScanThatRunsOutOfTimeStoresNothingAndIsRetriedOnAFewStartsOnly() {
        long article = scannedArticle();
        loseTheScan(article);

        for (int attempt = 1; attempt <= ScanStateRepository.MAX_FAILURES; attempt++) {
            assertThat(states.needingScan()).as("before attempt " + attempt).contains(article);
            assertThatThrownBy(() -> suggestions.scanAndStore(article, ScanDeadline.after(Duration.ofNanos(1))))
                    .isInstanceOfSatisfying(ScanStopped.class, stopped -> assertThat(stopped.timedOut()).isTrue());
            ScanState state = states.find(article).orElseThrow();
            assertThat(state.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(state.failures()).isEqualTo(attempt);
        }
        assertThat(suggestionIds(article)).isEmpty();
        assertThat(states.needingScan()).as("given up after " + ScanStateRepository.MAX_FAILURES).doesNotContain(article);

        // A fact-checker's rescan is not a start-up re-run: it scans, and the state is finished again.
        JsonNode rescanned = api.post("fiona", "/api/articles/" + article + "/suggestions/scan", null).json();
        assertThat(rescanned.findValuesAsText("quote")).contains("the the", "recieved");
        assertThat(states.find(article).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(states.find(article).orElseThrow().failures()).isZero();
    }

    @Test
    void aScanOfAnOlderRevisionOrAnUnfinishedOneNeverHidesAFinishedScan() {
        long article = scannedArticle();
        TransactionTemplate transaction = new TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));

        transaction.executeWithoutResult(s -> states.record(article, 0, Outcome.FAILED, java.time.Instant.now()));
        assertThat(states.find(article).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
        transaction.executeWithoutResult(s -> states.record(article, 1, Outcome.TIMED_OUT, java.time.Instant.now()));
        assertThat(states.find(article).orElseThrow().outcome()).isEqualTo(Outcome.SCANNED);
        assertThat(states.needingScan()).doesNotContain(article);

        // A newer revision with no finished scan is due again, whatever came before.
        jdbc.sql("UPDATE scan_state SET revision = 0 WHERE article_id = ?").param(article).update();
        assertThat(states.needingScan()).contains(article);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aRequestsScanThatRunsOutOfTimeAnswers503() {
        SuggestionService hurried = new SuggestionService(context.getBean(SuggestionRepository.class), states,
                context.getBean(ArticleService.class), context.getBean(ClaimService.class),
                context.getBean(Clock.class), context.getBean(TransactionTemplate.class),
                new ScanSettings(Duration.ofNanos(1), null, null, null, null), context.getBean(ScanShutdown.class));

        assertThatThrownBy(() -> hurried.scanText("World\nA headline\n3 May 2021, 10:00\nThe the road reopened."))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.type()).isEqualTo("scan-timed-out");
                });
    }
}
