package org.factdesk.audit;

import java.time.Clock;
import java.util.List;

import org.factdesk.article.ArticleImported;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimActivity;
import org.factdesk.claim.ClaimFlagged;
import org.factdesk.claim.ClaimService;
import org.factdesk.publication.CorrectionPublished;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every step of every claim as it happens, in the step's own transaction (a step that rolls back leaves no
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
    // published outside one, where it keeps the chain-head lock for the whole append.

    @EventListener
    @Transactional
    void on(ArticleImported imported) {
        entries.append(new AuditContent(clock.instant(), imported.importedBy(), "IMPORTED", null,
                imported.articleId(), 1, null, null, "Imported from " + imported.source()));
    }

    @EventListener
    @Transactional
    void on(ClaimFlagged flagged) {
        Claim claim = flagged.claim();
        String detail = claim.category() + "/" + claim.severity() + " at " + claim.anchor().start() + ".."
                + claim.anchor().end() + (claim.allOccurrences() ? " (all " + claim.occurrences() + " occurrences)" : "")
                + (claim.replacement() == null ? "" : "; proposed: '" + claim.replacement() + "'")
                + (claim.note() == null ? "" : "; note: " + claim.note())
                + (ClaimService.SOURCE_MANUAL.equals(claim.source()) ? "" : "; found by " + claim.source());
        entries.append(new AuditContent(claim.flaggedAt(), claim.flaggedBy(), "FLAGGED", claim.id(),
                claim.articleId(), claim.revision(), claim.quote(), null, detail));
    }

    @EventListener
    @Transactional
    void on(ClaimActivity activity) {
        entries.append(new AuditContent(activity.at(), activity.actor(), activity.action().name(),
                activity.claimId(), activity.articleId(), null, null, null, activity.detail()));
    }

    @EventListener
    @Transactional
    void on(CorrectionPublished published) {
        entries.append(new AuditContent(published.at(), "system", "PUBLISHED", published.claimId(),
                published.articleId(), published.revision(), published.before(), published.after(),
                published.kind() + ": " + published.notice()));
    }

    /** The log, filtered, in the order it was written (chain order). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EDITORS', 'AUDITORS', 'ADMINS')")
    public List<AuditEntry> find(AuditQuery query) {
        return entries.find(query);
    }
}
