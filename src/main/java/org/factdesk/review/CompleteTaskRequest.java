package org.factdesk.review;

/**
 * The form of a review task: {@code verdict}, {@code replacement}, {@code notice} and {@code note} for Verify claim;
 * {@code decision} and {@code comment} for Approve correction; {@code outcome} (ACCEPT with {@code category},
 * {@code severity}, {@code replacement}, {@code note}; MERGE with {@code mergeInto}; DISMISS with {@code reason}) for
 * Triage report.
 */
public record CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
        String comment, String outcome, String category, String severity, Long mergeInto, String reason) {

    /** The form of a claim's review task. */
    public CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
            String comment) {
        this(verdict, replacement, notice, note, decision, comment, null, null, null, null, null);
    }
}
