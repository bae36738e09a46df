package org.factdesk.detection;

import org.factdesk.article.ArticleImported;
import org.factdesk.publication.CorrectionPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scans an article on the scan pool once a change to it has committed: when it is imported, and again when a
 * correction is published, so the open suggestions always speak of the text readers see. The thread that made the
 * change only queues the scan (or, with the queue full, has it dropped), so a slow scan never holds up an import, the
 * seed import at start-up, a publication, or the request that caused it; and each scan stops at its time limit.
 */
@Component
class BackgroundScans {

    private static final Logger log = LoggerFactory.getLogger(BackgroundScans.class);

    private final SuggestionService suggestions;

    BackgroundScans(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @Async(ScanExecutorConfiguration.SCAN_EXECUTOR)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleImported imported) {
        // The article stays imported whatever happens; a fact-checker can rescan it from the API.
        scan(imported.articleId(), "imported from " + imported.source());
    }

    @Async(ScanExecutorConfiguration.SCAN_EXECUTOR)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CorrectionPublished published) {
        // Until this scan stores, suggestions for the old text stay; accepting one whose text is gone is refused.
        scan(published.articleId(), "revision " + published.revision() + " published");
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
