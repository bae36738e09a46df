package org.factdesk.review;

import java.time.Instant;

/**
 * A review task as FactDesk's task API shows it: {@code claimId} for a claim's review, {@code reportId} (and no
 * claim yet) for the triage of a reader report.
 *
 * @param escalated whether the task is overdue and escalated to the desk leads, who may now work it too
 * @param returned whether an editor sent the claim back to this Verify claim
 */
public record ReviewTask(String id, String name, String taskDefinitionKey, Long claimId, long articleId,
        String assignee, Instant created, Instant due, int priority, boolean escalated, Long reportId,
        boolean returned) {
}
