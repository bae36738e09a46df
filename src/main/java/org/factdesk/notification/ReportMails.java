package org.factdesk.notification;

import org.factdesk.article.ArticleService;
import org.factdesk.report.ReaderReportResolved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a reader who reported an error, and consented to hear back, that their report led to a published
 * correction. Queued in the publication's own transaction, the only moment the address exists: the report erases it
 * in that same transaction, and the outbox erases it once the mail is sent or given up.
 */
@Component
class ReportMails {

    private static final Logger log = LoggerFactory.getLogger(ReportMails.class);

    private final Notifications notifications;
    private final ArticleService articles;

    ReportMails(Notifications notifications, ArticleService articles) {
        this.notifications = notifications;
        this.articles = articles;
    }

    @EventListener
    void on(ReaderReportResolved resolved) {
        try {
            notifications.reportResolved(resolved.email(), articles.current(resolved.articleId()).headline(),
                    resolved.correctionLink());
        } catch (RuntimeException e) {
            // A thank-you is news about the publication, never a condition of it.
            log.warn("Could not queue the reader's mail for report {}: {}", resolved.reportId(), e.toString());
        }
    }
}
