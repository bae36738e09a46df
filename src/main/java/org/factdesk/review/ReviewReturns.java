package org.factdesk.review;

import org.springframework.stereotype.Component;

/**
 * Who a Verify claim that comes back (returned by an editor, or its text changed) goes to: the fact-checker who
 * verified it, as long as they are still a fact-checker. A desk lead who verified an escalated claim, or someone who
 * has left the group, may not hold a fresh task; it goes to the fact-checkers' queue instead, rather than failing the
 * editor's return. The model calls it as {@code ${reviewReturns.verifierFor(execution.getVariable('verifiedBy'))}}.
 */
@Component(ClaimReviewProcess.Bean.REVIEW_RETURNS)
public class ReviewReturns {

    private final TaskGroups taskGroups;

    ReviewReturns(TaskGroups taskGroups) {
        this.taskGroups = taskGroups;
    }

    public String verifierFor(Object verifiedBy) {
        if (!(verifiedBy instanceof String verifier) || verifier.isBlank()) {
            return null;
        }
        return taskGroups.isMember(verifier, ClaimReviewProcess.Element.TASK_VERIFY_CLAIM) ? verifier : null;
    }
}
