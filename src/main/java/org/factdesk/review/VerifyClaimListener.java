package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.article.CorrectionKind;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Verdict;
import org.factdesk.claim.Verdicts;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Listens to the Verify claim task: who holds it, and on completion checks the verdict is complete, with the kind of
 * update the fact-checker proposes (a silent fix only where the routing table allows one), and records it.
 */
@Component(ClaimReviewProcess.Bean.VERIFY_CLAIM_LISTENER)
class VerifyClaimListener extends ReviewTaskListener {

    VerifyClaimListener(ClaimService claims, RoutingRules routing, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening, TaskAssignments assignments) {
        super(claims, routing, actor, taskGroups, Var.VERDICT, listening, assignments);
    }

    @Override
    protected void completed(DelegateTask task, Claim claim, String verifier) {
        Verdict verdict = ReviewVariables.enumValue(task, Var.VERDICT, Verdict.class);
        String replacement = ReviewVariables.text(task, Var.REPLACEMENT);
        String notice = ReviewVariables.text(task, Var.NOTICE);
        String note = ReviewVariables.text(task, Var.NOTE);
        CorrectionKind kind = ReviewVariables.optionalEnum(task, Var.KIND, CorrectionKind.class);
        replacement = Verdicts.check(claim, verdict, kind, routing.of(claim).silentFixAllowed(), replacement, notice,
                note);
        // The gateway routes on the verdict as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.VERDICT, verdict.name());
        task.getExecution().setVariable(Var.VERIFIED_BY, verifier);
        claims.recordVerdict(claim.id(), verdict, kind, verifier, replacement, notice, note);
    }
}
