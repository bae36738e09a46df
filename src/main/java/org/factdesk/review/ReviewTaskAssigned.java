package org.factdesk.review;

import java.time.Instant;

/**
 * Published inside the engine's transaction when a review task gets a holder: {@code assignee} claimed it or was
 * given it by {@code assignedBy} (null: the engine itself, as when a returned claim goes back to its verifier).
 */
public record ReviewTaskAssigned(String taskId, long claimId, long articleId, String step, String taskName,
        String assignee, String assignedBy, Instant due, Instant at) {

    /** Whether the assignee took the task themselves rather than being given it. */
    public boolean claimedThemselves() {
        return assignee.equals(assignedBy);
    }
}
