package org.factdesk.review;

/**
 * The form of a review task: {@code verdict}, {@code replacement}, {@code notice} and {@code note} for Verify claim;
 * {@code decision} and {@code comment} for Approve correction.
 */
public record CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
        String comment) {
}
