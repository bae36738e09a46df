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

    /** Who FactDesk's own service is acting for while it calls the engine as itself (see {@link #actingFor}). */
    private static final ThreadLocal<Authentication> ACTING_FOR = new ThreadLocal<>();

    private final IdentityService identity;

    CurrentActor(IdentityService identity) {
        this.identity = identity;
    }

    /** The authenticated user, or {@code fallback} when the engine was called without one (by FactDesk itself). */
    String userOr(String fallback) {
        Authentication authentication = current();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : fallback;
    }

    /**
     * Runs an engine call that the engine's authorizations would not let the signed-in user make (giving a task to a
     * colleague needs the right to assign others, which FactDesk grants nobody in the engine), as FactDesk itself,
     * while the listeners still see the person it is done for. The service has checked the rules first; the
     * listeners check them again with this actor.
     */
    void actingFor(Runnable call) {
        Authentication caller = identity.getCurrentAuthentication();
        ACTING_FOR.set(caller);
        identity.clearAuthentication();
        try {
            call.run();
        } finally {
            ACTING_FOR.remove();
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private Authentication current() {
        Authentication acting = ACTING_FOR.get();
        return acting != null ? acting : identity.getCurrentAuthentication();
    }

    /** Whether a person (not FactDesk itself) is calling the engine. */
    boolean isPerson() {
        return userOr(null) != null;
    }

    /** Whether the person calling is an administrator of FactDesk or of Camunda. */
    boolean isAdministrator() {
        Authentication authentication = current();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().stream().anyMatch(ADMIN_GROUPS::contains);
    }
}
