package org.factdesk.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What one audit entry says — who did what, when, to which claim, article and revision, with the text before and
 * after — without its place in the chain. This is exactly the content the chain hashes.
 */
record AuditContent(Instant at, String actor, String action, Long claimId, Long articleId, Integer revision,
        String before, String after, String detail) {

    /**
     * The same content with its time cut to microseconds, the precision H2 and PostgreSQL store: the hash must be
     * computed over the value that is read back, not over nanoseconds the database drops.
     */
    AuditContent asStored() {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return stored.equals(at) ? this
                : new AuditContent(stored, actor, action, claimId, articleId, revision, before, after, detail);
    }
}
