package org.factdesk.testing;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.factdesk.shared.ProblemException;

/**
 * Engine calls in a test as a person makes them through Tasklist or the engine REST API (signed in to the engine
 * with their groups), and the FactDesk refusal such a call ended in.
 */
public final class EngineCalls {

    private EngineCalls() {
    }

    /** Runs {@code call} signed in to the engine as {@code user} with their groups. */
    public static <T> T asUser(IdentityService identity, String user, Supplier<T> call) {
        identity.setAuthentication(user, groupsOf(identity, user));
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The ids of the groups {@code user} is a member of. */
    public static List<String> groupsOf(IdentityService identity, String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** The refusal somewhere among the causes of {@code thrown}, or null when there is none. */
    public static ProblemException problemIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }
}
