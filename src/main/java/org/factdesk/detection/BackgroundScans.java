package org.factdesk.detection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.factdesk.article.ArticleImported;
import org.factdesk.publication.CorrectionPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scans an article on the scan pool once a change to it has committed: when it is imported, and again when a
 * correction is published, so the open suggestions always speak of the text readers see. The thread that made the
 * change only queues the scan (or, with the queue full, has it dropped), so a slow scan never holds up an import, the
 * seed import at start-up, a publication, or the request that caused it; and each scan stops at its time limit. A
 * scan after a publication first waits a moment ({@link ScanSettings#settle()}), so that the corrections of a burst
 * share one scan of the text they leave instead of each scanning a text the next one supersedes.
 */
@Component
class BackgroundScans {

    private static final Logger log = LoggerFactory.getLogger(BackgroundScans.class);

    private final SuggestionService suggestions;
    private final TaskExecutor scanPool;
    /** Articles with a scan queued that has not started: a later change joins it instead of queueing another. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    /** Waits out the settle time of scans after publication, then hands them to the pool; null with none. */
    private final ScheduledExecutorService settling;
    private final Duration settle;

    @Autowired
    BackgroundScans(SuggestionService suggestions,
            @Qualifier(ScanExecutorConfiguration.SCAN_EXECUTOR) TaskExecutor scanPool, ScanSettings settings) {
        this(suggestions, scanPool, settings.settle());
    }

    /** Scans that start as soon as the pool has a thread, after a publication too. */
    BackgroundScans(SuggestionService suggestions, TaskExecutor scanPool) {
        this(suggestions, scanPool, Duration.ZERO);
    }

    BackgroundScans(SuggestionService suggestions, TaskExecutor scanPool, Duration settle) {
        this.suggestions = suggestions;
        this.scanPool = scanPool;
        this.settle = settle;
        this.settling = settle.isZero() ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scan-settle");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Scans still settling are dropped; the next start scans their articles again ({@link LostScans}). */
    @PreDestroy
    void stop() {
        if (settling != null) {
            settling.shutdownNow();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleImported imported) {
        // The article stays imported whatever happens; a fact-checker can rescan it from the API.
        queue(imported.articleId(), "imported from " + imported.source(), Duration.ZERO);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CorrectionPublished published) {
        // Until this scan stores, suggestions for the old text stay; accepting one whose text is gone is refused.
        // Settled first: a correction published on the article meanwhile joins this scan (ScanSettings.settle).
        queue(published.articleId(), "revision " + published.revision() + " published", settle);
    }

    /**
     * Queues a scan of the article unless one is already waiting: that one reads the article's text when it starts,
     * so it covers this change too. Twenty corrections published on one article in a burst cost one or two scans,
     * not twenty of texts already superseded.
     */
    private void queue(long articleId, String why, Duration wait) {
        if (!queued.add(articleId)) {
            log.debug("A scan of article {} is already waiting; it covers {}", articleId, why);
            return;
        }
        QueuedScan scan = new QueuedScan(articleId, why);
        if (wait.isZero() || settling == null) {
            hand(scan);
            return;
        }
        try {
            settling.schedule(() -> {
                try {
                    hand(scan);
                } catch (RuntimeException refused) {
                    log.warn("Could not queue the scan of article {} ({}): {}", articleId, why, refused.toString());
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // The application is stopping: the next start scans the article (LostScans).
            queued.remove(articleId);
        }
    }

    private void hand(QueuedScan scan) {
        try {
            scanPool.execute(scan);
        } catch (RuntimeException refused) {
            queued.remove(scan.articleId);
            throw refused;
        }
    }

    /** A scan waiting in the pool's queue; the next change to its article queues another once it has started. */
    final class QueuedScan implements Runnable {

        private final long articleId;
        private final String why;

        QueuedScan(long articleId, String why) {
            this.articleId = articleId;
            this.why = why;
        }

        @Override
        public void run() {
            queued.remove(articleId);
            scan(articleId, why);
        }

        /** The pool had no room for it: the next change to the article queues a scan again. */
        void dropped() {
            queued.remove(articleId);
        }
    }

    /**
     * Scans one article now, on the calling thread, within the time limit, and says in the log how it went: a scan
     * that stopped at its limit or failed stores nothing and is not tried again until the next start.
     */
    void scan(long articleId, String why) {
        long started = System.nanoTime();
        try {
            // The first scan builds the scanner (LanguageTool takes seconds to start): not part of its time limit.
            suggestions.scanner();
            suggestions.scanAndStore(articleId, suggestions.deadline());
            log.info("Scanned article {} ({}) in {} ms", articleId, why, (System.nanoTime() - started) / 1_000_000);
        } catch (ScanStopped stopped) {
            if (stopped.timedOut()) {
                log.warn("Scan of article {} ({}) stopped: {}; nothing was stored", articleId, why,
                        stopped.getMessage());
            } else {
                log.info("Scan of article {} ({}) stopped with the application; it runs again on the next start",
                        articleId, why);
            }
        } catch (RuntimeException e) {
            log.warn("Could not scan article {} ({}): {}", articleId, why, e.toString(), e);
        }
    }
}
