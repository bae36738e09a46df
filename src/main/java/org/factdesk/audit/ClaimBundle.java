package org.factdesk.audit;

import java.time.Instant;
import java.util.List;

/**
 * One claim's whole story for an auditor: how it was flagged and why, the fact-checker's verdict and notice, the
 * editor's decision, the lawyer's review (for a claim of legal risk), the text before and after its published revision, and every audit entry about it with its
 * place and hashes in the chain. Parts that have not happened yet are null.
 */
public record ClaimBundle(long claimId, long articleId, String state, Flag flag, Verdict verdict, Approval approval,
        Legal legal, Publication publication, List<AuditEntry> audit) {

    /** The flag: the exact quote where it stood, what is wrong with it, the proposed fix and the evidence given. */
    public record Flag(int revision, String quote, int start, int end, String prefix, String suffix, String scope,
            int occurrences, String category, String severity, String replacement, String note, String source,
            String flaggedBy, Instant flaggedAt) {
    }

    /** The fact-checker's verdict and the notice readers will see. */
    public record Verdict(String verdict, String verifiedBy, String notice, String note, Instant at) {
    }

    /** The editor's decision on the correction, with the kind of update they settled on. */
    public record Approval(String decision, String decidedBy, String comment, String kind, Instant at) {
    }

    /** The lawyer's decision on the approved update: the notice as they rewrote it (or null) and their reason. */
    public record Legal(String decision, String by, String notice, String comment, Instant at) {
    }

    /**
     * The revision that carries the correction or clarification: the full text before and after, and a unified diff
     * of the two by paragraph (empty for a clarification, which leaves the text as it was).
     */
    public record Publication(int revision, int basedOnRevision, String kind, String notice, Instant publishedAt,
            String publishedBy, String before, String after, String diff) {
    }
}
