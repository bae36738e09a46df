package org.factdesk.review;

import java.time.Instant;

/**
 * A review task is due soon (or due now) and its holder was reminded, or its group when nobody holds it. Published
 * by the "Due soon" timer's step inside the engine's transaction; the audit log records it, and a notifier may tell
 * the person.
 *
 * @param step   the task's definition key ({@code Task_VerifyClaim} or {@code Task_ApproveCorrection})
 * @param holder who holds the task, or null when nobody does
 * @param group  the group the model names for the task: the one to tell when nobody holds it
 * @param due    the task's due date
 * @param at     when the reminder went out
 */
public record ReviewReminded(long claimId, long articleId, String taskId, String taskName, String step,
        String holder, String group, Instant due, Instant at) {

    /** Who the reminder is for: the holder, else the whole group. */
    public String recipient() {
        return holder != null ? holder : group;
    }
}
