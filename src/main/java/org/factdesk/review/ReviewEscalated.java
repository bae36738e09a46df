package org.factdesk.review;

import java.time.Instant;

/**
 * A review task stayed open past its due date and was escalated: its priority raised and the desk leads
 * ({@code escalatedTo}) may now work it as well as its group. Published inside the engine's transaction; the audit
 * log records it, and a notifier may tell the desk leads.
 *
 * @param holder           who holds the task, or null when nobody does
 * @param group            the group the model names for the task
 * @param escalatedTo      the group that may now work it too ({@code desk-leads})
 * @param previousPriority the task's priority before the escalation
 * @param priority         its priority now
 */
public record ReviewEscalated(long claimId, long articleId, String taskId, String taskName, String step,
        String holder, String group, String escalatedTo, Instant due, int previousPriority, int priority,
        Instant at) {
}
