package org.factdesk.review;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Who may work a review task: members of its candidate groups. Checked by the task API for a clear answer, and again
 * inside the engine by the listeners, so Tasklist and the engine REST API are held to it too.
 */
@Component
class TaskGroups {

    private final IdentityService identity;

    TaskGroups(IdentityService identity) {
        this.identity = identity;
    }

    List<String> of(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    static Set<String> candidates(Collection<? extends IdentityLink> links) {
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    /** Refuses a user who is in none of the candidate groups. */
    void requireMember(String user, Set<String> candidateGroups, String taskName) {
        if (of(user).stream().noneMatch(candidateGroups::contains)) {
            throw ProblemException.forbidden("not-your-task", "'" + taskName + "' is work for " + candidateGroups
                    + "; " + user + " is not in that group.");
        }
    }
}
