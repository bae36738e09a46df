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
 * Scans an article on a background thread once a change to it has committed: when it is imported, and again when a
 * correction is published, so the open suggestions always speak of the text readers see. A slow scan never holds up
 * an import, the seed import at start-up, a publication, or the request that caused it.
 */
@Component
class BackgroundScans {

    private static final Logger log = LoggerFactory.getLogger(BackgroundScans.class);

    private final SuggestionService suggestions;

    BackgroundScans(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ArticleImported imported) {
        long started = System.nanoTime();
        try {
            suggestions.scanAndStore(imported.articleId());
            log.info("Scanned article {} ({}) in {} ms", imported.articleId(), imported.source(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // The article stays imported; a fact-checker can rescan it from the API.
            log.warn("Could not scan article {} ({}): {}", imported.articleId(), imported.source(), e.toString(), e);
        }
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(CorrectionPublished published) {
        try {
            suggestions.scanAndStore(published.articleId());
        } catch (RuntimeException e) {
            // Suggestions for the old text stay until the next scan; accepting one whose text is gone is refused.
            log.warn("Could not rescan article {} after revision {}: {}", published.articleId(), published.revision(),
                    e.toString(), e);
        }
    }
}
