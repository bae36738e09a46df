package org.factdesk.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Creates FactDesk's groups and users in Camunda's identity store, leaving what already exists as it is, and reads
 * the email addresses that notifications go to.
 */
@Component
public class UserDirectory {

    /** When start-up creates groups and users: before anything that grants them permissions or acts as them. */
    public static final int SETUP_ORDER = 0;

    private final IdentityService identity;

    UserDirectory(IdentityService identity) {
        this.identity = identity;
    }

    public void ensureGroups() {
        for (String id : Groups.WITH_CAMUNDA_ADMIN) {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(Groups.name(id));
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }

    /** Creates the user with this password and these groups; returns false if the user existed already. */
    public boolean ensureUser(String id, String firstName, String lastName, String password, List<String> groups) {
        return ensureUser(id, firstName, lastName, id + "@factdesk.invalid", password, groups);
    }

    /** The same, with the address FactDesk mails the user at. */
    public boolean ensureUser(String id, String firstName, String lastName, String email, String password,
            List<String> groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return true;
    }

    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /**
     * The address the directory gives for a user; empty when there is none, the user is unknown, or the address is
     * under the reserved {@code .invalid} domain (RFC 2606), which FactDesk gives users created without one.
     */
    public Optional<String> emailOf(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? Optional.empty() : deliverable(user.getEmail());
    }

    /** The deliverable addresses of the members of a group, ordered by user id; at most {@code limit}. */
    public List<String> emailsOfGroup(String groupId, int limit) {
        return identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, limit).stream()
                .map(User::getEmail).map(UserDirectory::deliverable).flatMap(Optional::stream).toList();
    }

    private static Optional<String> deliverable(String email) {
        if (email == null || email.isBlank() || email.toLowerCase(Locale.ROOT).endsWith(".invalid")) {
            return Optional.empty();
        }
        return Optional.of(email.trim());
    }

    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }
}
