package org.factdesk.claim;

/** Published inside the flagging transaction: the review feature starts the claim's process on it. */
public record ClaimFlagged(Claim claim) {
}
