package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.LegalDecision;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Legal review task and enforces, inside the engine, that only a lawyer takes or completes it and
 * never one who flagged, verified or approved the claim (four-eyes, extended), whether through FactDesk's API,
 * Tasklist or the engine REST API; on completion checks the lawyer's decision is complete and records it.
 */
@Component(ClaimReviewProcess.Bean.LEGAL_REVIEW_LISTENER)
class LegalReviewListener extends ReviewTaskListener {

    LegalReviewListener(ClaimService claims, RoutingRules routing, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening, TaskAssignments assignments) {
        super(claims, routing, actor, taskGroups, Var.LEGAL_DECISION, listening, assignments);
    }

    @Override
    protected void clearOnCreate(DelegateTask task) {
        // The editor's approval stands: it is what the lawyer reviews. Only a lawyer's earlier round is cleared.
        task.getExecution().removeVariable(Var.LEGAL_DECISION);
        task.getExecution().removeVariable(Var.LEGAL_NOTICE);
        task.getExecution().removeVariable(Var.LEGAL_COMMENT);
    }

    @Override
    protected String expectedApprover(Claim claim) {
        return claim.approvedBy();
    }

    @Override
    protected void mayHold(Claim claim, String lawyer) {
        FourEyes.checkLegal(claim, lawyer);
    }

    @Override
    protected void completed(DelegateTask task, Claim claim, String lawyer) {
        LegalDecision decision = ReviewVariables.enumValue(task, Var.LEGAL_DECISION, LegalDecision.class);
        String notice = ReviewVariables.text(task, Var.LEGAL_NOTICE);
        String comment = ReviewVariables.text(task, Var.LEGAL_COMMENT);
        switch (decision) {
            case REWRITE -> {
                if (notice == null) {
                    throw ProblemException.badRequest("invalid-legal-decision", "REWRITE needs the notice as it "
                            + "should be published, in 'notice'.");
                }
                if (notice.equals(claim.publishedNotice())) {
                    throw ProblemException.badRequest("invalid-legal-decision", "The rewritten notice is the same as "
                            + "the approved one; CLEAR it instead.");
                }
            }
            case BLOCK -> {
                if (comment == null) {
                    throw ProblemException.badRequest("invalid-legal-decision", "BLOCK needs the reason in 'comment', "
                            + "for the editor and the record.");
                }
            }
            case CLEAR -> {
            }
        }
        // The gateway routes on the decision as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.LEGAL_DECISION, decision.name());
        claims.recordLegal(claim.id(), decision, lawyer, notice, comment);
    }
}
