package org.factdesk.review;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting on a task, as the engine knows it: the user the API, the engine REST API or Tasklist authenticated.
 * Listeners use it so that the same rule holds whichever door a person came through.
 */
@Component
class CurrentActor {

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    /** The authenticated user, or {@code fallback} when the engine was called without one (by FactDesk itself). */
    String userOr(String fallback) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }
}
