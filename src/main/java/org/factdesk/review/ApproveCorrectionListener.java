package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.article.CorrectionKind;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.factdesk.claim.Verdicts;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Approve correction task and enforces, inside the engine, that only an editor takes or completes it
 * and never one who flagged or verified the claim (four-eyes), whether through FactDesk's API, Tasklist or the
 * engine REST API. On approval the editor settles the kind of update, and a silent fix the routing table does not
 * allow is refused here too.
 */
@Component(ClaimReviewProcess.Bean.APPROVE_CORRECTION_LISTENER)
class ApproveCorrectionListener extends ReviewTaskListener {

    ApproveCorrectionListener(ClaimService claims, RoutingRules routing, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening, TaskAssignments assignments) {
        super(claims, routing, actor, taskGroups, Var.DECISION, listening, assignments);
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
        RoutingRules.Route route = routing.of(claim);
        CorrectionKind kind = null;
        if (decision == Decision.APPROVE) {
            // The editor settles the kind of update: the one proposed unless they pick another.
            CorrectionKind requested = ReviewVariables.optionalEnum(task, Var.KIND, CorrectionKind.class);
            kind = requested != null ? requested : claim.kindOfUpdate();
            Verdicts.checkApproval(claim, kind, route.silentFixAllowed());
        }
        // The gateway routes on the decision as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.DECISION, decision.name());
        if (decision == Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVED_BY, approver);
            task.getExecution().setVariable(Var.KIND, kind.name());
        }
        claims.recordDecision(claim.id(), decision, approver, comment, kind, route.legalReview());
    }
}
