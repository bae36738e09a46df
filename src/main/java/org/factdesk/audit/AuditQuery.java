package org.factdesk.audit;

import java.time.Instant;

import org.factdesk.claim.Category;
import org.factdesk.claim.ClaimOutcome;

/**
 * Filters for the audit log; a null filter matches everything. {@code to} is exclusive. {@code category} and
 * {@code outcome} keep the entries of claims of that category, or with that outcome now.
 */
public record AuditQuery(Long articleId, Long claimId, Instant from, Instant to, String actor, Category category,
        ClaimOutcome outcome) {

    public AuditQuery(Long articleId, Long claimId, Instant from, Instant to, String actor) {
        this(articleId, claimId, from, to, actor, null, null);
    }
}
