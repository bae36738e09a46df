package org.factdesk.claim;

import java.time.Instant;

/**
 * One step in a claim's review (claimed, verdict, approved, ...), published inside the transaction that made it, so
 * the audit log records exactly the steps that happened; {@code state} is where the step left the claim.
 */
public record ClaimActivity(long claimId, long articleId, Action action, String actor, Instant at, String detail,
        ClaimState state) {

    /** The steps of a review that are not the flag itself nor the publication. */
    public enum Action {
        CLAIMED, UNCLAIMED, ASSIGNED, VERDICT, RETURNED, APPROVED, REJECTED, LEGAL_CLEARED, NOTICE_REWRITTEN,
        LEGAL_BLOCKED, TEXT_CHANGED, CANCELLED
    }
}
