package org.factdesk.review;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Who may work a review task: members of the group the model names for it (fact-checkers verify, editors approve).
 * The task's identity links are not asked: an API call can add a candidate group to a task, but it cannot change who
 * may verify or approve. Checked by the task API for a clear answer, and again inside the engine by the listeners, so
 * Tasklist and the engine REST API are held to it too.
 */
@Component
class TaskGroups {

    private final IdentityService identity;

    TaskGroups(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * The groups of {@code user}: those the request already told the engine when it is the caller (every request does,
     * see identity's engine filter), else the engine's answer.
     */
    List<String> of(String user) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller != null && user.equals(caller.getUserId()) && caller.getGroupIds() != null) {
            return caller.getGroupIds();
        }
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** Refuses a user who is not in the group that works this kind of task, and any task that is not a review task. */
    void requireMember(String user, String taskDefinitionKey, String taskName) {
        String group = ClaimReviewProcess.groupOf(taskDefinitionKey).orElseThrow(() -> ProblemException.forbidden(
                "not-a-review-task", "'" + taskName + "' is not a step of a claim review."));
        if (!of(user).contains(group)) {
            throw ProblemException.forbidden("not-your-task", "'" + taskName + "' is work for " + group + "; " + user
                    + " is not in that group.");
        }
    }
}
