package org.factdesk.review;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.factdesk.identity.Groups;
import org.springframework.stereotype.Component;

/**
 * Who is acting on a task, as the engine knows it: the user the API, the engine REST API or Tasklist authenticated.
 * Listeners use it so that the same rule holds whichever door a person came through.
 */
@Component
class CurrentActor {

    private static final List<String> ADMIN_GROUPS = List.of(Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    /** The authenticated user, or {@code fallback} when the engine was called without one (by FactDesk itself). */
    String userOr(String fallback) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }

    /** Whether a person (not FactDesk itself) is calling the engine. */
    boolean isPerson() {
        return userOr(null) != null;
    }

    /** Whether the person calling is an administrator of FactDesk or of Camunda. */
    boolean isAdministrator() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().stream().anyMatch(ADMIN_GROUPS::contains);
    }
}
