package org.factdesk.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factdesk.claim.Claim;
import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules of giving a review task to someone, as Tasklist's "assign" has them, shared by the task API and the task
 * listeners (which hold them on every path into the engine). Who may assign: the holder (handing it on), any member of
 * the task's group while nobody holds it, a desk lead, or an administrator. Who may be given it: whoever may hold it
 * (a member of the task's group, a desk lead once it is escalated) and whom the four-eyes rule does not bar.
 */
@Component
class TaskAssignments {

    static final String NOT_ALLOWED_TO_ASSIGN = "not-allowed-to-assign";
    static final String ASSIGNEE_NOT_ALLOWED = "assignee-not-allowed";

    private final TaskGroups taskGroups;
    private final IdentityService identity;

    TaskAssignments(TaskGroups taskGroups, IdentityService identity) {
        this.taskGroups = taskGroups;
        this.identity = identity;
    }

    /** Whether {@code by} may give the task to someone while {@code holder} (null: nobody) holds it. */
    boolean mayAssign(String by, String holder, String step) {
        return by.equals(holder) || taskGroups.isDeskLead(by) || holder == null && taskGroups.isMember(by, step);
    }

    /** Refuses, with a 403 that names the rule, an assigner who may not give this task to anyone. */
    void requireMayAssign(String by, String holder, String step, String taskName) {
        if (mayAssign(by, holder, step)) {
            return;
        }
        String group = ClaimReviewProcess.groupOf(step).orElse("its group");
        throw ProblemException.forbidden(NOT_ALLOWED_TO_ASSIGN, holder != null
                ? by + " may not give '" + taskName + "' to anyone: " + holder + " holds it, and only its holder or "
                        + "a desk lead hands a held task on."
                : by + " may not give '" + taskName + "' to anyone: an unheld task is assigned by a member of "
                        + group + " or a desk lead.");
    }

    /**
     * Why {@code assignee} may not hold the task, in words that name the rule; empty if they may. {@code claim} is null
     * for a reader report's triage, which the four-eyes rule does not cover.
     */
    Optional<String> barred(String assignee, String step, String taskName, boolean escalated, Claim claim) {
        String group = ClaimReviewProcess.groupOf(step).orElse(null);
        if (group == null) {
            return Optional.of("'" + taskName + "' is not a step of a claim review.");
        }
        List<String> groups = taskGroups.of(assignee);
        if (!groups.contains(group) && !(escalated && groups.contains(ClaimReviewProcess.GROUP_DESK_LEADS))) {
            return Optional.of(assignee + " cannot hold '" + taskName + "': it is work for " + group
                    + (escalated ? " and, now it is escalated, the desk leads" : "") + ", and " + assignee
                    + " is not " + (escalated ? "one of them." : "in that group."));
        }
        return fourEyesBar(assignee, step, taskName, claim);
    }

    /** Why the four-eyes rule keeps {@code assignee} from this claim's task; empty if it does not. */
    Optional<String> fourEyesBar(String assignee, String step, String taskName, Claim claim) {
        if (claim == null) {
            return Optional.empty();
        }
        if (ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION.equals(step)) {
            return FourEyes.conflict(claim, assignee).map(role -> assignee + " cannot hold '" + taskName + "': they "
                    + role + " this claim, and the four-eyes rule has another editor approve its correction.");
        }
        if (ClaimReviewProcess.Element.TASK_LEGAL_REVIEW.equals(step)) {
            return FourEyes.legalConflict(claim, assignee).map(role -> assignee + " cannot hold '" + taskName
                    + "': they " + role + " this claim, and the four-eyes rule has another lawyer review it.");
        }
        return Optional.empty();
    }

    /** Refuses, with a 422 that names the rule, an assignee who may not hold the task. */
    void requireAssignable(String assignee, String step, String taskName, boolean escalated, Claim claim) {
        barred(assignee, step, taskName, escalated, claim).ifPresent(reason -> {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ASSIGNEE_NOT_ALLOWED, reason);
        });
    }

    /**
     * Everyone who may hold a task of this step: the group's members and, once it is escalated, the desk leads, in
     * the order of their ids (before the four-eyes rule, which {@link #barred} adds per claim).
     */
    List<String> holders(String step, boolean escalated) {
        Set<String> users = new LinkedHashSet<>();
        ClaimReviewProcess.groupOf(step).ifPresent(group -> users.addAll(members(group)));
        if (escalated) {
            users.addAll(members(ClaimReviewProcess.GROUP_DESK_LEADS));
        }
        return new ArrayList<>(users).stream().sorted().toList();
    }

    private List<String> members(String group) {
        return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream().map(User::getId)
                .toList();
    }
}
