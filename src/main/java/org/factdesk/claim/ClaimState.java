package org.factdesk.claim;

/** Where a claim stands in its review. */
public enum ClaimState {
    /** Waiting for a fact-checker to take it. */
    FLAGGED("Flagged"),
    /** A fact-checker holds the Verify claim task. */
    IN_REVIEW("In review"),
    /** Verified as an error or as needing a clarification; waiting for an editor. */
    AWAITING_APPROVAL("Awaiting approval"),
    /** Approved by an editor; a lawyer reviews it before it is published. */
    LEGAL_REVIEW("In legal review"),
    /** Approved; the correction is being published. */
    PUBLISHING("Publishing"),
    /** The correction or clarification is live. */
    PUBLISHED("Published"),
    /** Not an error, or rejected by an editor. */
    DISMISSED("Dismissed"),
    /** A lawyer blocked the approved update; nothing was published. */
    BLOCKED("Blocked by legal"),
    /** An administrator ended the review before it reached a verdict and a decision. */
    CANCELLED("Cancelled");

    private final String label;

    ClaimState(String label) {
        this.label = label;
    }

    /** The state in the words the pages use. */
    public String label() {
        return label;
    }

    /** Whether the claim's review is still going on. */
    public boolean isOpen() {
        return this != PUBLISHED && this != DISMISSED && this != BLOCKED && this != CANCELLED;
    }
}
