package org.factdesk.review;

/**
 * The form of a review task: {@code verdict}, {@code replacement}, {@code notice}, {@code note} and the proposed
 * {@code kind} of update for Verify claim; {@code decision}, {@code comment}, the settled {@code kind} and, on
 * APPROVE only, the editor's own {@code notice} and {@code replacement} for Approve correction; {@code decision} (CLEAR, REWRITE or BLOCK), the rewritten {@code notice} and the reason in
 * {@code comment} for Legal review; {@code outcome} (ACCEPT with {@code category}, {@code severity},
 * {@code replacement}, {@code note}; MERGE with {@code mergeInto}; DISMISS with {@code reason}) for Triage report.
 */
public record CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
        String comment, String kind, String outcome, String category, String severity, Long mergeInto,
        String reason) {

    /** A form without a kind of update. */
    public CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
            String comment) {
        this(verdict, replacement, notice, note, decision, comment, null);
    }

    /** The form of a claim's review task, with the kind of update proposed or settled. */
    public CompleteTaskRequest(String verdict, String replacement, String notice, String note, String decision,
            String comment, String kind) {
        this(verdict, replacement, notice, note, decision, comment, kind, null, null, null, null, null);
    }
}
