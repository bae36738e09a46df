package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Remind" steps after a review task's "Due soon" timer: reminds whoever holds the task, or its group. */
@Component(ClaimReviewProcess.Bean.REMIND_REVIEWER_DELEGATE)
class RemindReviewerDelegate implements JavaDelegate {

    private final ReviewEscalations escalations;

    RemindReviewerDelegate(ReviewEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalations.remind(ReviewVariables.claimId(execution), stepOf(execution));
    }

    static String stepOf(DelegateExecution execution) {
        return ClaimReviewProcess.deadlineStepOf(execution.getCurrentActivityId()).orElseThrow(() ->
                new IllegalStateException(execution.getCurrentActivityId() + " follows no review task's timer"));
    }
}
