package org.factdesk.claim;

/** Where a claim stands in its review. */
public enum ClaimState {
    /** Waiting for a fact-checker to take it. */
    FLAGGED,
    /** A fact-checker holds the Verify claim task. */
    IN_REVIEW,
    /** Verified as an error or as needing a clarification; waiting for an editor. */
    AWAITING_APPROVAL,
    /** Approved; the correction is being published. */
    PUBLISHING,
    /** The correction or clarification is live. */
    PUBLISHED,
    /** Not an error, or rejected by an editor. */
    DISMISSED,
    /** An administrator ended the review before it reached a verdict and a decision. */
    CANCELLED;

    /** Whether the claim's review is still going on. */
    public boolean isOpen() {
        return this != PUBLISHED && this != DISMISSED && this != CANCELLED;
    }
}
