package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;
import static org.factdesk.review.ClaimReviewProcess.Verdict;

/**
 * Listens to the Verify claim task: who holds it, and on completion checks the verdict is complete and records it.
 */
@Component(ClaimReviewProcess.Bean.VERIFY_CLAIM_LISTENER)
class VerifyClaimListener extends ReviewTaskListener {

    VerifyClaimListener(ClaimService claims, CurrentActor actor, TaskGroups taskGroups) {
        super(claims, actor, taskGroups, Var.VERDICT);
    }

    @Override
    protected void held(Claim claim, String assignee, String actor) {
        claims.verificationHeld(claim.id(), assignee, actor);
    }

    @Override
    protected void released(Claim claim, String actor) {
        claims.verificationReleased(claim.id(), actor);
    }

    @Override
    protected void completed(DelegateTask task, Claim claim, String verifier) {
        Verdict verdict = ReviewVariables.enumValue(task, Var.VERDICT, Verdict.class);
        String replacement = ReviewVariables.text(task, Var.REPLACEMENT);
        String notice = ReviewVariables.text(task, Var.NOTICE);
        String note = ReviewVariables.text(task, Var.NOTE);
        switch (verdict) {
            case ERROR_CONFIRMED -> {
                String corrected = replacement != null ? replacement : claim.replacement();
                if (corrected == null) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "ERROR_CONFIRMED needs the corrected text in 'replacement'.");
                }
                if (corrected.equals(claim.quote())) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "The replacement is the same as the quote; nothing would change.");
                }
                requireNotice(notice, verdict);
                replacement = corrected;
            }
            case CLARIFICATION_NEEDED -> requireNotice(notice, verdict);
            case NOT_AN_ERROR -> {
                if (note == null) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "NOT_AN_ERROR needs the reason in 'note', for the record.");
                }
            }
        }
        // The gateway routes on the verdict as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.VERDICT, verdict.name());
        task.getExecution().setVariable(Var.VERIFIED_BY, verifier);
        claims.recordVerdict(claim.id(), verdict.name(), verifier, replacement, notice, note);
    }

    private static void requireNotice(String notice, Verdict verdict) {
        if (notice == null) {
            throw ProblemException.badRequest("invalid-verdict", verdict + " needs the notice readers will see in "
                    + "'notice', e.g. \"An earlier version of this article misspelled the name of Qassem Soleimani.\"");
        }
    }
}
