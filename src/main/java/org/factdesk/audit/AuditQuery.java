package org.factdesk.audit;

import java.time.Instant;

/** Filters for the audit log; a null filter matches everything. {@code to} is exclusive. */
public record AuditQuery(Long articleId, Long claimId, Instant from, Instant to, String actor) {
}
