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
        requireMember(user, taskDefinitionKey, taskName, false);
    }

    /**
     * The same for a task that may have been escalated: once it is ({@link OpenTasks} says so, never the task's
     * candidate groups), members of {@code desk-leads} may work it as well as the group the model names.
     */
    void requireMember(String user, String taskDefinitionKey, String taskName, boolean escalated) {
        String group = ClaimReviewProcess.groupOf(taskDefinitionKey).orElseThrow(() -> ProblemException.forbidden(
                "not-a-review-task", "'" + taskName + "' is not a step of a claim review."));
        List<String> groups = of(user);
        if (groups.contains(group) || escalated && groups.contains(ClaimReviewProcess.GROUP_DESK_LEADS)) {
            return;
        }
        if (groups.contains(ClaimReviewProcess.GROUP_DESK_LEADS)) {
            throw ProblemException.forbidden("not-your-task", "'" + taskName + "' is work for " + group
                    + " until it is escalated to the desk leads; " + user + " may work it once it is overdue.");
        }
        throw ProblemException.forbidden("not-your-task", "'" + taskName + "' is work for " + group
                + (escalated ? " and, now it is escalated, the desk leads" : "") + "; " + user
                + " is not in that group.");
    }

    /** Whether {@code user} is in the group the model names for this kind of task. */
    boolean isMember(String user, String taskDefinitionKey) {
        return ClaimReviewProcess.groupOf(taskDefinitionKey).map(group -> of(user).contains(group)).orElse(false);
    }

    /** Whether {@code user} is a desk lead. */
    boolean isDeskLead(String user) {
        return of(user).contains(ClaimReviewProcess.GROUP_DESK_LEADS);
    }
}
