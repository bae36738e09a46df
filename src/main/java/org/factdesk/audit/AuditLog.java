package org.factdesk.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.factdesk.article.ArticleImported;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimActivity;
import org.factdesk.claim.ClaimEdited;
import org.factdesk.claim.ClaimFlagged;
import org.factdesk.claim.ClaimOutcome;
import org.factdesk.claim.ClaimService;
import org.factdesk.identity.Roles;
import org.factdesk.publication.CorrectionPublished;
import org.factdesk.report.ReaderReportActivity;
import org.factdesk.review.BacklogAlerted;
import org.factdesk.review.ReviewEscalated;
import org.factdesk.review.ReviewReminded;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records every step of every claim in the step's own transaction, as it commits (a step that rolls back leaves no
 * entry, a step that commits always has one), chained to the entry before it (see {@link AuditChain}), and answers
 * auditors' and editors' questions about them.
 */
@Service
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    // Each listener joins the transaction of the step it records; @Transactional only matters when an event is
    // published outside one, where it makes one for the append.

    /**
     * Appends the entry as the step's transaction commits, after everything else the step does: the chain-head lock
     * (AuditRepository.append) is then held for the appends and the commit alone, not for the rest of the step (an
     * engine command's whole flush, most of a review step's time), so concurrent steps queue on it only that long.
     * The entry still commits or rolls back with its step, and the entries of one step keep the order of its events.
     */
    private void append(AuditContent content) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.append(content);
            return;
        }
        // Looked up among the transaction's own synchronizations, which an inner REQUIRES_NEW transaction does not see.
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PendingEntries pending) {
                pending.contents.add(content);
                return;
            }
        }
        PendingEntries pending = new PendingEntries();
        pending.contents.add(content);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    /** The entries one transaction has yet to append, in the order its steps happened. */
    private final class PendingEntries implements TransactionSynchronization {

        private final List<AuditContent> contents = new ArrayList<>();

        @Override
        public int getOrder() {
            // Just before the review feature's queue sizes (the lowest precedence): every step takes the chain's head
            // before any size row, so two steps committing at once never wait for each other in a circle.
            return Ordered.LOWEST_PRECEDENCE - 1;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            for (AuditContent content : contents) {
                entries.append(content);
            }
            contents.clear();
        }
    }

    @EventListener
    @Transactional
    void on(ArticleImported imported) {
        append(new AuditContent(clock.instant(), imported.importedBy(), AuditAction.IMPORTED.name(), null,
                imported.articleId(), 1, null, null, "Imported from " + imported.source()));
    }

    @EventListener
    @Transactional
    void on(ClaimFlagged flagged) {
        Claim claim = flagged.claim();
        Claim.Flag flag = claim.flag();
        // In words, as auditors read it: the quote and its revision are in the entry, its place in the claim.
        String detail = sentenceCase(flag.category().name()) + ", " + flag.severity().name().toLowerCase(Locale.ROOT)
                + " severity" + (flag.allOccurrences() ? ", all " + flag.occurrences() + " occurrences" : "")
                + (claim.replacement() == null ? "" : "; proposed: '" + claim.replacement() + "'")
                + (flag.note() == null ? "" : "; note: " + flag.note())
                + (ClaimService.SOURCE_MANUAL.equals(flag.source()) ? "" : "; found by " + flag.source());
        entries.claimFlagged(claim.id(), claim.articleId(), flag.category());
        append(new AuditContent(flag.at(), claim.flaggedBy(), AuditAction.FLAGGED.name(), claim.id(),
                claim.articleId(), claim.revision(), claim.quote(), null, detail));
    }

    @EventListener
    @Transactional
    void on(ClaimActivity activity) {
        entries.claimOutcome(activity.claimId(), ClaimOutcome.of(activity.state(), null));
        append(new AuditContent(activity.at(), activity.actor(), AuditAction.of(activity.action()).name(),
                activity.claimId(), activity.articleId(), null, null, null, activity.detail()));
    }

    @EventListener
    @Transactional
    void on(ClaimEdited edited) {
        append(new AuditContent(edited.at(), edited.editor(), AuditAction.EDITED.name(), edited.claimId(),
                edited.articleId(), null, edited.before(), edited.after(), edited.detail()));
    }

    @EventListener
    @Transactional
    void on(CorrectionPublished published) {
        entries.claimOutcome(published.claimId(), ClaimOutcome.published(published.notice().kind()));
        append(new AuditContent(published.at(), "system", AuditAction.PUBLISHED.name(), published.claimId(),
                published.articleId(), published.revision(), published.before(), published.after(),
                // The notice as readers see it begins with its kind; a silent fix has none for readers.
                published.notice().kind().hasPublicNotice() ? published.notice().full()
                        : published.notice().kind().label() + ", no public notice: " + published.notice().text()));
    }

    @EventListener
    @Transactional
    void on(ReviewReminded reminded) {
        append(new AuditContent(reminded.at(), "system", AuditAction.REMINDED.name(), reminded.claimId(),
                reminded.articleId(), null, null, null, reminded.taskName() + " due " + reminded.due()
                        + "; reminded " + (reminded.holder() != null ? reminded.holder()
                        : "the " + reminded.group() + " (nobody holds it)")));
    }

    @EventListener
    @Transactional
    void on(ReviewEscalated escalated) {
        append(new AuditContent(escalated.at(), "system", AuditAction.ESCALATED.name(), escalated.claimId(),
                escalated.articleId(), null, String.valueOf(escalated.previousPriority()),
                String.valueOf(escalated.priority()), escalated.taskName() + " overdue since " + escalated.due()
                        + (escalated.holder() == null ? ", held by nobody" : ", held by " + escalated.holder())
                        + "; priority " + escalated.previousPriority() + " to " + escalated.priority() + ", "
                        + escalated.escalatedTo() + " may now work it beside " + escalated.group()));
    }

    @EventListener
    @Transactional
    void on(BacklogAlerted alert) {
        append(new AuditContent(alert.at(), "system", AuditAction.BACKLOG_ALERTED.name(), null, null, null,
                null, null, alert.overdue() + " overdue tasks for " + alert.group() + ", more than the threshold of "
                        + alert.threshold()));
    }

    /** A reader report's step; its detail never holds the reader's email or words (ReaderReportActivity). */
    @EventListener
    @Transactional
    void on(ReaderReportActivity activity) {
        append(new AuditContent(activity.at(), activity.actor(), AuditAction.of(activity.action()).name(),
                activity.claimId(), activity.articleId(), null, null, null, activity.detail()));
    }

    /** One page of the log, filtered, in the order it was written (chain order) or newest first. */
    @Transactional(readOnly = true)
    @Roles.AuditReaders
    public AuditPage page(AuditQuery query, boolean newestFirst, int page, int size) {
        List<AuditEntry> found = entries.page(query, newestFirst, (long) page * size, size);
        long total = page == 0 && found.size() < size ? found.size() : entries.count(query);
        return new AuditPage(found, total, page, size);
    }

    /**
     * The newest {@code size} entries older than {@code beforeSeq} (null: the newest of all): a reader that walks the
     * whole log back in time reads each entry once, without an offset that grows.
     */
    @Transactional(readOnly = true)
    @Roles.AuditReaders
    public List<AuditEntry> newestBefore(AuditQuery query, Long beforeSeq, int size) {
        return entries.newestBefore(query, beforeSeq, size);
    }

    /** The log, filtered, in the order it was written (chain order): for one claim's or article's history. */
    @Transactional(readOnly = true)
    @Roles.AuditReaders
    public List<AuditEntry> find(AuditQuery query) {
        return entries.find(query);
    }

    private static String sentenceCase(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
