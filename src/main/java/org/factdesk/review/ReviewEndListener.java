package org.factdesk.review;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Listens to the end of every claim review. A review ends through one of its end events once its claim is
 * published or dismissed; any other end (a BPMN error thrown at a task, a process instance deleted) would leave the
 * claim open with no task and no trace. Such an end is refused for everyone but an administrator, and an
 * administrator's cancellation is recorded on the claim and in the audit log.
 */
@Component(ClaimReviewProcess.Bean.REVIEW_END_LISTENER)
class ReviewEndListener implements ExecutionListener {

    private final ClaimService claims;
    private final CurrentActor actor;

    ReviewEndListener(ClaimService claims, CurrentActor actor) {
        this.claims = claims;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Optional<Claim> found;
        try {
            found = claims.find(ReviewVariables.claimId(execution));
        } catch (ProblemException notAClaimReview) {
            // Started by an administrator without a claim: there is nothing of FactDesk's to keep or record.
            return;
        }
        if (found.isEmpty() || !found.get().state().isOpen()) {
            return;
        }
        Claim claim = found.get();
        String user = actor.userOr(null);
        if (actor.isPerson() && !actor.isAdministrator()) {
            throw EngineRefusals.remember(ProblemException.forbidden("review-cannot-end-here", "The review of claim "
                    + claim.id() + " ends only by its verdict or its editor's decision; " + user + " may not end it at '"
                    + execution.getCurrentActivityName() + "'."));
        }
        claims.reviewCancelled(claim.id(), user == null ? "system" : user, execution.getCurrentActivityName());
    }
}
