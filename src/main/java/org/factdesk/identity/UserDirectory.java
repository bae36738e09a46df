package org.factdesk.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Creates FactDesk's groups and users in Camunda's identity store, leaving what already exists as it is. */
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
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(id + "@factdesk.invalid");
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

    public boolean checkPassword(String userId, String password) {
        return identity.checkPassword(userId, password);
    }
}
