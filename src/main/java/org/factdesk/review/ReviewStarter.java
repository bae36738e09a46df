package org.factdesk.review;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimFlagged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Starts a claim's review process as part of the transaction that flags it; the business key is the claim id.
 * FactDesk starts it, not the flagger: nobody but an engine administrator holds the right to start a claim review
 * through Camunda's own APIs, so no review exists without its claim.
 */
@Component
class ReviewStarter {

    private final RuntimeService runtime;
    private final IdentityService identity;

    ReviewStarter(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @EventListener
    void on(ClaimFlagged flagged) {
        Claim claim = flagged.claim();
        Map<String, Object> variables = Map.of(
                Var.CLAIM_ID, claim.id(),
                Var.ARTICLE_ID, claim.articleId(),
                Var.CATEGORY, claim.category().name(),
                Var.SEVERITY, claim.severity().name(),
                Var.FLAGGED_BY, claim.flaggedBy());
        // The flagger's rights were checked by ClaimService; the engine starts the review as FactDesk itself.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.startProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID, String.valueOf(claim.id()), variables);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
