package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Decision;
import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Approve correction task and enforces, inside the engine, that only an editor takes or completes it
 * and never one who flagged or verified the claim (four-eyes), whether through FactDesk's API, Tasklist or the
 * engine REST API.
 */
@Component(ClaimReviewProcess.Bean.APPROVE_CORRECTION_LISTENER)
class ApproveCorrectionListener implements TaskListener {

    private final ClaimService claims;
    private final CurrentActor actor;
    private final TaskGroups taskGroups;

    ApproveCorrectionListener(ClaimService claims, CurrentActor actor, TaskGroups taskGroups) {
        this.claims = claims;
        this.actor = actor;
        this.taskGroups = taskGroups;
    }

    @Override
    public void notify(DelegateTask task) {
        long claimId = ReviewVariables.claimId(task);
        switch (task.getEventName()) {
            // A decision from an earlier round must not decide this one.
            case EVENTNAME_CREATE -> task.getExecution().removeVariable(Var.DECISION);
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> holderChanged(task, claimId);
            case EVENTNAME_COMPLETE -> complete(task, claimId);
            default -> {
            }
        }
    }

    private void holderChanged(DelegateTask task, long claimId) {
        Claim claim = claims.get(claimId);
        String assignee = task.getAssignee();
        if (assignee != null) {
            taskGroups.requireMember(assignee, TaskGroups.candidates(task.getCandidates()), task.getName());
            FourEyes.check(claim, assignee);
        }
        if (assignee != null ? !assignee.equals(claim.holder()) : claim.holder() != null) {
            claims.approvalHeld(claimId, assignee, actor.userOr(assignee != null ? assignee : claim.holder()));
        }
    }

    private void complete(DelegateTask task, long claimId) {
        Claim claim = claims.get(claimId);
        String approver = actor.userOr(task.getAssignee());
        if (approver == null) {
            throw ProblemException.badRequest("unknown-actor", "Approve correction was completed without a known user.");
        }
        taskGroups.requireMember(approver, TaskGroups.candidates(task.getCandidates()), task.getName());
        FourEyes.check(claim, approver);
        Decision decision = ReviewVariables.enumValue(task, Var.DECISION, Decision.class);
        String comment = ReviewVariables.text(task, Var.COMMENT);
        if (decision != Decision.APPROVE && comment == null) {
            throw ProblemException.badRequest("invalid-decision", decision + " needs a 'comment' that tells the "
                    + (decision == Decision.RETURN ? "fact-checker what to look at again." : "record why."));
        }
        if (decision == Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVED_BY, approver);
        }
        claims.recordDecision(claimId, decision.name(), approver, comment);
    }
}
