package org.factdesk.audit;

import java.time.Clock;
import java.util.List;

import org.factdesk.article.ArticleImported;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimActivity;
import org.factdesk.claim.ClaimFlagged;
import org.factdesk.publication.CorrectionPublished;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every step of every claim as it happens, in the step's own transaction (a step that rolls back leaves no
 * entry, a step that commits always has one), and answers auditors' and editors' questions about them.
 */
@Service
public class AuditLog {

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    void on(ArticleImported imported) {
        entries.append(new AuditEntry(0, clock.instant(), imported.importedBy(), "IMPORTED", null,
                imported.articleId(), 1, null, null, "Imported from " + imported.source()));
    }

    @EventListener
    void on(ClaimFlagged flagged) {
        Claim claim = flagged.claim();
        String detail = claim.category() + "/" + claim.severity() + " at " + claim.anchor().start() + ".."
                + claim.anchor().end() + (claim.allOccurrences() ? " (all " + claim.occurrences() + " occurrences)" : "")
                + (claim.replacement() == null ? "" : "; proposed: '" + claim.replacement() + "'")
                + (claim.note() == null ? "" : "; note: " + claim.note());
        entries.append(new AuditEntry(0, claim.flaggedAt(), claim.flaggedBy(), "FLAGGED", claim.id(),
                claim.articleId(), claim.revision(), claim.quote(), null, detail));
    }

    @EventListener
    void on(ClaimActivity activity) {
        entries.append(new AuditEntry(0, activity.at(), activity.actor(), activity.action().name(),
                activity.claimId(), activity.articleId(), null, null, null, activity.detail()));
    }

    @EventListener
    void on(CorrectionPublished published) {
        entries.append(new AuditEntry(0, published.at(), "system", "PUBLISHED", published.claimId(),
                published.articleId(), published.revision(), published.before(), published.after(),
                published.kind() + ": " + published.notice()));
    }

    /** The log, filtered, in the order it was written. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EDITORS', 'AUDITORS', 'ADMINS')")
    public List<AuditEntry> find(AuditQuery query) {
        return entries.find(query);
    }
}
