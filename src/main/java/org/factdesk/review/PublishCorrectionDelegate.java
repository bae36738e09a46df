package org.factdesk.review;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.factdesk.publication.PublicationOutcome;
import org.factdesk.publication.PublicationService;
import org.springframework.stereotype.Component;

/** Publish correction: publishes the claim, or sends it back to its fact-checker when the quote is gone. */
@Component(ClaimReviewProcess.Bean.PUBLISH_CORRECTION_DELEGATE)
class PublishCorrectionDelegate implements JavaDelegate {

    private final PublicationService publications;

    PublishCorrectionDelegate(PublicationService publications) {
        this.publications = publications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long claimId = ReviewVariables.claimId(execution);
        if (publications.publish(claimId) instanceof PublicationOutcome.QuoteGone gone) {
            throw new BpmnError(ClaimReviewProcess.ERROR_TEXT_CHANGED,
                    "The quote is no longer in revision " + gone.currentRevision() + " of the article.");
        }
    }
}
