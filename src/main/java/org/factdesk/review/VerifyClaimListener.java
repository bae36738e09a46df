package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;
import static org.factdesk.review.ClaimReviewProcess.Verdict;

/**
 * Listens to the Verify claim task: who holds it, and on completion checks the verdict is complete and records it.
 * Running inside the engine, it applies to Tasklist and the engine REST API as much as to FactDesk's API.
 */
@Component(ClaimReviewProcess.Bean.VERIFY_CLAIM_LISTENER)
class VerifyClaimListener implements TaskListener {

    private final ClaimService claims;
    private final CurrentActor actor;
    private final TaskGroups taskGroups;

    VerifyClaimListener(ClaimService claims, CurrentActor actor, TaskGroups taskGroups) {
        this.claims = claims;
        this.actor = actor;
        this.taskGroups = taskGroups;
    }

    @Override
    public void notify(DelegateTask task) {
        long claimId = ReviewVariables.claimId(task);
        switch (task.getEventName()) {
            // A verdict from an earlier round must not decide this one.
            case EVENTNAME_CREATE -> task.getExecution().removeVariable(Var.VERDICT);
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
        }
        if (assignee != null && !assignee.equals(claim.holder())) {
            claims.verificationHeld(claimId, assignee, actor.userOr(null));
        } else if (assignee == null && claim.holder() != null) {
            claims.verificationReleased(claimId, actor.userOr(claim.holder()));
        }
    }

    private void complete(DelegateTask task, long claimId) {
        Claim claim = claims.get(claimId);
        String verifier = actor.userOr(task.getAssignee());
        if (verifier == null) {
            throw ProblemException.badRequest("unknown-actor", "Verify claim was completed without a known user.");
        }
        taskGroups.requireMember(verifier, TaskGroups.candidates(task.getCandidates()), task.getName());
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
        task.getExecution().setVariable(Var.VERIFIED_BY, verifier);
        claims.recordVerdict(claimId, verdict.name(), verifier, replacement, notice, note);
    }

    private static void requireNotice(String notice, Verdict verdict) {
        if (notice == null) {
            throw ProblemException.badRequest("invalid-verdict", verdict + " needs the notice readers will see in "
                    + "'notice', e.g. \"An earlier version of this article misspelled the name of Qassem Soleimani.\"");
        }
    }
}
