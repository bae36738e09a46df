package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.article.CorrectionKind;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.factdesk.claim.Verdicts;
import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Approve correction task and enforces, inside the engine, that only an editor takes or completes it
 * and never one who flagged or verified the claim (four-eyes), whether through FactDesk's API, Tasklist or the
 * engine REST API. On approval the editor settles the kind of update, and a silent fix the routing table does not
 * allow is refused here too; the editor may also give their own {@code notice} and {@code replacement} (the
 * corrected words), held to the rules of the fact-checker's, and only when approving: a return or a rejection
 * publishes nothing, so an edit sent with one is refused rather than silently dropped.
 */
@Component(ClaimReviewProcess.Bean.APPROVE_CORRECTION_LISTENER)
class ApproveCorrectionListener extends ReviewTaskListener {

    ApproveCorrectionListener(ClaimService claims, RoutingRules routing, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening, TaskAssignments assignments) {
        super(claims, routing, actor, taskGroups, Var.DECISION, listening, assignments);
    }

    @Override
    protected void clearOnCreate(DelegateTask task) {
        super.clearOnCreate(task);
        // Left from Verify claim: cleared so that a notice or replacement set on completing is the editor's own.
        task.getExecution().removeVariable(Var.NOTICE);
        task.getExecution().removeVariable(Var.REPLACEMENT);
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
        Verdicts.Edit edit = new Verdicts.Edit(edited(task, Var.NOTICE), edited(task, Var.REPLACEMENT));
        if (decision != Decision.APPROVE && (isGiven(edit.notice()) || isGiven(edit.replacement()))) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "edit-needs-approval", "An edited "
                    + (isGiven(edit.notice()) ? "'notice'" : "'replacement'") + " is published only on APPROVE; "
                    + decision + " publishes nothing. Leave it out, or say what to change in 'comment'.");
        }
        RoutingRules.Route route = routing.of(claim);
        CorrectionKind kind = null;
        if (decision == Decision.APPROVE) {
            // The editor settles the kind of update: the one proposed unless they pick another.
            CorrectionKind requested = ReviewVariables.optionalEnum(task, Var.KIND, CorrectionKind.class);
            kind = requested != null ? requested : claim.kindOfUpdate();
            Verdicts.checkApproval(claim, kind, route.silentFixAllowed(), edit);
            claims.recordEdit(claim.id(), approver, edit);
        }
        // The gateway routes on the decision as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.DECISION, decision.name());
        if (decision == Decision.APPROVE) {
            task.getExecution().setVariable(Var.APPROVED_BY, approver);
            task.getExecution().setVariable(Var.KIND, kind.name());
        }
        claims.recordDecision(claim.id(), decision, approver, comment, kind, route.legalReview());
    }

    /**
     * The editor's version of a form field: null when the completion did not set it (the fact-checker's stands), the
     * text as sent otherwise, blank included (emptied on purpose); its type and length are checked as the verdict's.
     */
    private static String edited(DelegateTask task, String name) {
        if (task.getVariable(name) == null) {
            return null;
        }
        String text = ReviewVariables.text(task, name);
        return text == null ? "" : text;
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }
}
