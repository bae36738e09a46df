package org.factdesk.review;

import java.time.Instant;

import org.factdesk.claim.Category;
import org.factdesk.claim.Severity;

/**
 * An open review task as the desk's queue reads it: the engine's task with what FactDesk filters and sorts it by,
 * kept in FactDesk's own table ({@link OpenTasks}).
 *
 * @param step the task's definition key in the model, such as {@code Task_VerifyClaim}
 * @param workGroup the group the model names for the step
 * @param returned whether an editor sent the claim back to this Verify claim
 * @param escalated when the task was escalated to the desk leads (who may then work it too); null if it was not
 */
public record OpenTask(String taskId, long claimId, long articleId, String step, String name, String workGroup,
        String holder, Category category, Severity severity, String flaggedBy, String verifiedBy, boolean returned,
        int priority, Instant due, Instant created, Instant escalated) {

    /** A task as it opens: not escalated. */
    public OpenTask(String taskId, long claimId, long articleId, String step, String name, String workGroup,
            String holder, Category category, Severity severity, String flaggedBy, String verifiedBy, boolean returned,
            int priority, Instant due, Instant created) {
        this(taskId, claimId, articleId, step, name, workGroup, holder, category, severity, flaggedBy, verifiedBy,
                returned, priority, due, created, null);
    }

    /** Whether desk leads may work the task as well as its group. */
    public boolean isEscalated() {
        return escalated != null;
    }
}
