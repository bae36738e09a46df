package org.factdesk.review;

/**
 * The form of a review task: {@code verdict}, {@code replacement}, {@code notice}, {@code note} and the proposed
 * {@code kind} of update for Verify claim; {@code decision}, {@code comment} and the settled {@code kind} for Approve
 * correction; {@code decision} (CLEAR, REWRITE or BLOCK), the rewritten {@code notice} and the reason in
 * {@code comment} for Legal review.
 */
public record CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
        String comment, String kind) {

    /** A form without a kind of update. */
    public CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
            String comment) {
        this(verdict, replacement, notice, note, decision, comment, null);
    }
}
