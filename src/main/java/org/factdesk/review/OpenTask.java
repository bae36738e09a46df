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
 */
public record OpenTask(String taskId, long claimId, long articleId, String step, String name, String workGroup,
        String holder, Category category, Severity severity, String flaggedBy, String verifiedBy, boolean returned,
        int priority, Instant due, Instant created) {
}
