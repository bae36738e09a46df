package org.factdesk.audit;

import java.time.Instant;

/**
 * One step in the correction history, as it was recorded; never changed afterwards. {@code seq} is its position in
 * the hash chain (1 is the first entry ever written), {@code previousHash} the hash of the entry before it and
 * {@code hash} its own (see {@link AuditChain}).
 */
public record AuditEntry(long id, long seq, Instant at, String actor, String action, Long claimId, Long articleId,
        Integer revision, String before, String after, String detail, String previousHash, String hash) {

    /** The action in the words a timeline reads. */
    public String actionLabel() {
        return AuditAction.labelOf(action);
    }

    AuditContent content() {
        return new AuditContent(at, actor, action, claimId, articleId, revision, before, after, detail);
    }
}
