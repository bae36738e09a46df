package org.factdesk.review;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimFlagged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/** Starts a claim's review process as part of the transaction that flags it; the business key is the claim id. */
@Component
class ReviewStarter {

    private final RuntimeService runtime;

    ReviewStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ClaimFlagged flagged) {
        Claim claim = flagged.claim();
        runtime.startProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID, String.valueOf(claim.id()), Map.of(
                Var.CLAIM_ID, claim.id(),
                Var.ARTICLE_ID, claim.articleId(),
                Var.CATEGORY, claim.category().name(),
                Var.SEVERITY, claim.severity().name(),
                Var.FLAGGED_BY, claim.flaggedBy()));
    }
}
