package org.factdesk.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.factdesk.article.CorrectionKind;
import org.factdesk.article.CorrectionNotice;
import org.factdesk.publication.CorrectionPublished;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.TaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Changes to one article in a burst share the scan already waiting for it; a dropped scan does not block later ones. */
class BackgroundScansTest {

    private final SuggestionService suggestions = mock(SuggestionService.class);
    private final List<Runnable> waiting = new ArrayList<>();

    @Test
    void aBurstOfCorrectionsOnOneArticleQueuesOneScan() {
        BackgroundScans scans = new BackgroundScans(suggestions, waiting::add);
        for (int revision = 2; revision <= 21; revision++) {
            scans.on(published(7, revision));
        }
        scans.on(published(8, 2));
        assertThat(waiting).hasSize(2);

        waiting.remove(0).run();
        verify(suggestions, times(1)).scanAndStore(eq(7L), any());
        // Once its scan has started, a new change to the article needs a scan of its own.
        scans.on(published(7, 22));
        assertThat(waiting).hasSize(2);
    }

    @Test
    void aScanAfterPublicationSettlesFirstAndLaterCorrectionsJoinIt() throws InterruptedException {
        List<Runnable> handed = java.util.Collections.synchronizedList(new ArrayList<>());
        BackgroundScans scans = new BackgroundScans(suggestions, handed::add, java.time.Duration.ofMillis(300));
        try {
            scans.on(published(11, 2));
            scans.on(published(11, 3));
            // Nothing reaches the pool while the scan settles; an import does not wait.
            scans.on(new org.factdesk.article.ArticleImported(12, "seed", "edith"));
            assertThat(handed).hasSize(1);
            scans.on(published(11, 4));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> handed.size() == 2);
            Thread.sleep(400);
            assertThat(handed).hasSize(2);
            handed.get(1).run();
            verify(suggestions, times(1)).scanAndStore(eq(11L), any());
            // Started: the next correction settles a scan of its own.
            scans.on(published(11, 5));
            assertThat(handed).hasSize(2);
        } finally {
            scans.stop();
        }
    }

    @Test
    void aScanThePoolDroppedDoesNotStopTheNextOne() {
        DroppedScans dropped = new DroppedScans();
        // A pool with no thread free and no room in its queue drops everything it is given.
        ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1),
                dropped);
        full.getQueue().add(() -> { });
        full.execute(() -> sleep());
        TaskExecutor pool = full::execute;
        BackgroundScans scans = new BackgroundScans(suggestions, pool);
        scans.on(published(9, 2));
        scans.on(published(9, 3));
        assertThat(dropped.count()).isEqualTo(2);
        full.shutdownNow();
    }

    private static void sleep() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CorrectionPublished published(long article, int revision) {
        return new CorrectionPublished(revision, article, revision, new CorrectionNotice(CorrectionKind.CORRECTION,
                "3 December 2026, 09:00 GMT", "Fixed."), null, null, Instant.EPOCH);
    }
}
