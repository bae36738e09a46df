package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.audit.ReviewFlow;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Background scans run on FactDesk's own bounded pool, never on Camunda's job executor, and neither a publication nor
 * a quick scan of a short text waits for a long background scan. Pathological articles scan without error, and an
 * oversize text is refused. Timing is only ever "this finished while that was still running", never a figure.
 */
@FactDeskTest
class ScanPoolTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier(ScanExecutorConfiguration.SCAN_EXECUTOR)
    ThreadPoolTaskExecutor scanPool;

    @Autowired
    ScanStateRepository states;

    TestApi api;
    ReviewFlow flow;
    ScanLog scanLog;

    /** The threads on which BackgroundScans reported each finished scan. */
    static final class ScanLog extends AppenderBase<ILoggingEvent> {

        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            events.add(event);
        }

        Optional<ILoggingEvent> scanned(long articleId, String why) {
            return events.stream().filter(e -> e.getFormattedMessage().startsWith("Scanned article " + articleId + " ")
                    && e.getFormattedMessage().contains(why)).findFirst();
        }
    }

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        flow = new ReviewFlow(api);
        scanLog = new ScanLog();
        scanLog.start();
        ((Logger) LoggerFactory.getLogger(BackgroundScans.class)).addAppender(scanLog);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(BackgroundScans.class)).detachAppender(scanLog);
    }

    /** A long article within the import limits: its scan takes many seconds. */
    private static String[] longArticle() {
        return PathologicalTextsTest.prose(850).split("\n");
    }

    /** Imports long articles once the pool is idle, and returns their ids once the first one's scan is running. */
    private long[] startLongScans(int count) {
        await().atMost(Duration.ofMinutes(3)).until(() -> scanPool.getActiveCount() == 0
                && scanPool.getThreadPoolExecutor().getQueue().isEmpty());
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            ids[i] = api.importArticle(longArticle());
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> scanPool.getActiveCount() > 0);
        return ids;
    }

    private void awaitScanned(long articleId) {
        await().atMost(Duration.ofMinutes(3)).until(() -> states.find(articleId)
                .filter(s -> s.outcome() == ScanStateRepository.Outcome.SCANNED).isPresent());
    }

    @Test
    void backgroundScansRunOnTheScanPoolAndNeverOnCamundasJobExecutor() {
        long article = api.importArticle("The mayor said the bridge would reopen on Fridya.",
                "Engineers inspected the the bridge on Thursday morning.");
        await().atMost(Duration.ofMinutes(3)).until(() -> scanLog.scanned(article, "imported").isPresent());
        long claim = flow.flag(article, "Fridya", "TYPO", "Friday", "Misspelt.");
        // The rescan after publication is queued by a listener on the job executor's thread that published it.
        flow.publish(claim, "ERROR_CONFIRMED", "An earlier version of this article misspelt Friday.");
        await().atMost(Duration.ofMinutes(3)).until(() -> scanLog.scanned(article, "revision 2 published").isPresent());

        String camundaThreads = ((ThreadPoolTaskExecutor) context.getBean("camundaTaskExecutor")).getThreadNamePrefix();
        for (String why : List.of("imported", "revision 2 published")) {
            String thread = scanLog.scanned(article, why).orElseThrow().getThreadName();
            assertThat(thread).startsWith(ScanExecutorConfiguration.THREAD_PREFIX).doesNotStartWith(camundaThreads);
        }
        assertThat(context.getBean(ScanExecutorConfiguration.class).getAsyncExecutor())
                .as("the default for a plain @Async").isSameAs(scanPool);
        assertThat(scanPool.getMaxPoolSize()).isEqualTo(1);
        assertThat(scanPool.getQueueCapacity()).isEqualTo(100);
    }

    @Test
    void aCorrectionIsPublishedWhileLongScansRun() {
        // As many long scans as Camunda's job executor has core threads: had they run there, the publication's job
        // would have queued behind them.
        long[] longOnes = startLongScans(3);
        long article = api.importArticle("The mayor said the bridge would reopen on Fridya.");
        long claim = flow.flag(article, "Fridya", "TYPO", "Friday", "Misspelt.");

        flow.publish(claim, "ERROR_CONFIRMED", "An earlier version of this article misspelt Friday.");

        assertThat(states.find(longOnes[2])).as("the last long scan has not finished").isEmpty();
        assertThat(api.get("audrey", "/api/articles/" + article).json().get("body").asText()).contains("Friday");
        // The long ones end too, each scanned or stopped at its time limit.
        await().atMost(Duration.ofMinutes(3)).until(() -> states.find(longOnes[2]).isPresent());
    }

    @Test
    void aShortTextIsScannedWhileALongBackgroundScanRuns() {
        long longOne = startLongScans(2)[1];

        TestApi.Answer answer = api.postText("farid", "/api/scan",
                "World\nA headline\n3 May 2021, 10:00\nThe mayor said the the road would reopen.");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().findValuesAsText("quote")).contains("the the");
        assertThat(states.find(longOne)).as("the long scan has not finished").isEmpty();
    }

    @Test
    void aTextLongerThanAnArticleFileIsRefusedWith413() {
        String text = "World\nA headline\n3 May 2021, 10:00\n" + "x".repeat(InputLimits.ARTICLE_FILE);

        TestApi.Answer answer = api.postText("farid", "/api/scan", text);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).endsWith("too-large");
        assertThat(answer.json().get("detail").asText()).contains(String.valueOf(InputLimits.ARTICLE_FILE));
    }

    @Test
    void articlesOfCombiningMarksOrManyParagraphsScanWithoutError() {
        long accents = api.importArticle("e\u0301".repeat(1000));
        long prose = api.importArticle("Officials said " + "e\u0301".repeat(3000) + " and the the rest.");
        long paragraphs = api.importArticle("Short line here, he said.\n".repeat(InputLimits.PARAGRAPHS).split("\n"));

        for (long article : new long[] {accents, prose, paragraphs}) {
            awaitScanned(article);
        }
        assertThat(api.get("fiona", "/api/articles/" + prose + "/suggestions").json().findValuesAsText("quote"))
                .contains("the the");
    }
}
