package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.ProblemException;

/**
 * What the listeners of both review tasks share: they run inside the engine, so their rules hold for FactDesk's
 * API, Tasklist and the engine REST API alike. Only members of the task's candidate group may hold or complete it,
 * each hand-over is recorded once (the engine reports it as both "update" and "assignment"), and a decision left
 * from an earlier round is cleared when the task is created again.
 */
abstract class ReviewTaskListener implements TaskListener {

    protected final ClaimService claims;
    private final CurrentActor actor;
    private final TaskGroups taskGroups;
    private final String decisionVariable;

    ReviewTaskListener(ClaimService claims, CurrentActor actor, TaskGroups taskGroups, String decisionVariable) {
        this.claims = claims;
        this.actor = actor;
        this.taskGroups = taskGroups;
        this.decisionVariable = decisionVariable;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> task.getExecution().removeVariable(decisionVariable);
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> holderChanged(task);
            case EVENTNAME_COMPLETE -> complete(task);
            default -> {
            }
        }
    }

    private void holderChanged(DelegateTask task) {
        Claim claim = claims.get(ReviewVariables.claimId(task));
        String assignee = task.getAssignee();
        if (assignee != null) {
            taskGroups.requireMember(assignee, TaskGroups.candidates(task.getCandidates()), task.getName());
            mayHold(claim, assignee);
            if (!assignee.equals(claim.holder())) {
                held(claim, assignee, actor.userOr(null));
            }
        } else if (claim.holder() != null) {
            released(claim, actor.userOr(claim.holder()));
        }
    }

    private void complete(DelegateTask task) {
        Claim claim = claims.get(ReviewVariables.claimId(task));
        String user = actor.userOr(task.getAssignee());
        if (user == null) {
            throw ProblemException.badRequest("unknown-actor", task.getName() + " was completed without a known user.");
        }
        taskGroups.requireMember(user, TaskGroups.candidates(task.getCandidates()), task.getName());
        mayHold(claim, user);
        completed(task, claim, user);
    }

    /** Refuses a group member who still may not work on this claim; everyone may by default. */
    protected void mayHold(Claim claim, String user) {
    }

    /** {@code assignee} now holds the task; {@code actor} gave it (null: the engine itself). */
    protected abstract void held(Claim claim, String assignee, String actor);

    protected abstract void released(Claim claim, String actor);

    /** Checks and records what {@code user} decided on completing the task. */
    protected abstract void completed(DelegateTask task, Claim claim, String user);
}
