package org.factdesk.review;

import java.time.Instant;

/**
 * A review task as FactDesk's task API shows it.
 *
 * @param escalated whether the task is overdue and escalated to the desk leads, who may now work it too
 */
public record ReviewTask(String id, String name, String taskDefinitionKey, long claimId, long articleId,
        String assignee, Instant created, Instant due, int priority, boolean escalated) {

    /** A task that has not been escalated. */
    public ReviewTask(String id, String name, String taskDefinitionKey, long claimId, long articleId, String assignee,
            Instant created, Instant due, int priority) {
        this(id, name, taskDefinitionKey, claimId, articleId, assignee, created, due, priority, false);
    }
}
