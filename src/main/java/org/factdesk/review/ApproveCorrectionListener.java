package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Approve correction task and enforces, inside the engine, that only an editor takes or completes it
 * and never one who flagged or verified the claim (four-eyes), whether through FactDesk's API, Tasklist or the
 * engine REST API.
 */
@Component(ClaimReviewProcess.Bean.APPROVE_CORRECTION_LISTENER)
class ApproveCorrectionListener extends ReviewTaskListener {

    ApproveCorrectionListener(ClaimService claims, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening) {
        super(claims, actor, taskGroups, Var.DECISION, listening);
    }

    @Override
    protected void mayHold(Claim claim, String editor) {
        FourEyes.check(claim, editor);
    }

    @Override
    protected void completed(DelegateTask task, Claim claim, String approver) {
        Decision decision = ReviewVariables.enumValue(task, Var.DECISION, Decision.class);
        String comment = ReviewVariables.text(task, Var.COMMENT);
        if (decision != Decision.APPROVE && comment == null) {
            throw ProblemException.badRequest("invalid-decision", decision + " needs a 'comment' that tells the "
                    + (decision == Decision.RETURN ? "fact-checker what to look at again." : "record why."));
        }
        // The gateway routes on the decision as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.DECISION, decision.name());
        if (decision == Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVED_BY, approver);
        }
        claims.recordDecision(claim.id(), decision, approver, comment);
    }
}
