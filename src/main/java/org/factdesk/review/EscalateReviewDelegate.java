package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Escalate" steps after a review task's "Overdue" timer: raises its priority and lets the desk leads work it. */
@Component(ClaimReviewProcess.Bean.ESCALATE_REVIEW_DELEGATE)
class EscalateReviewDelegate implements JavaDelegate {

    private final ReviewEscalations escalations;

    EscalateReviewDelegate(ReviewEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.escalate(ReviewVariables.claimId(execution), RemindReviewerDelegate.stepOf(execution));
    }
}
