package org.factdesk.audit;

import java.time.Instant;

/** One step in the correction history, as it was recorded; never changed afterwards. */
public record AuditEntry(long id, Instant at, String actor, String action, Long claimId, Long articleId,
        Integer revision, String before, String after, String detail) {
}
