package org.factdesk.detection;

import org.factdesk.article.ArticleImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scans every newly imported article once its import has committed, on a background thread: a slow scan never holds
 * up an import, the seed import at start-up, or the request that uploaded the article.
 */
@Component
class ScanOnImport {

    private static final Logger log = LoggerFactory.getLogger(ScanOnImport.class);

    private final SuggestionService suggestions;

    ScanOnImport(SuggestionService suggestions) {
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
}
