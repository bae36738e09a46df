package org.factdesk.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;

/** FactDesk's groups, as Camunda stores them; each is the Spring role of its upper-cased name. */
public final class Groups {

    public static final String FACT_CHECKERS = "fact-checkers";
    public static final String EDITORS = "editors";
    /** The newsroom's lawyers: they review updates the routing decision marks as a legal risk. */
    public static final String LEGAL = "legal";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    /** The desk's leads: they work review tasks once a task is escalated to them, and watch the desks' backlog. */
    public static final String DESK_LEADS = "desk-leads";

    public static final List<String> ALL = List.of(FACT_CHECKERS, EDITORS, AUDITORS, ADMINS, DESK_LEADS, LEGAL);

    /**
     * Camunda's own administrators' group. FactDesk's admins are members too: Cockpit and Admin send everyone to a
     * first-user set-up page while this group has no member.
     */
    static final String CAMUNDA_ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

    /** The groups of an administrator: FactDesk's admins and Camunda's own. */
    public static final List<String> ADMINISTRATOR = List.of(ADMINS, CAMUNDA_ADMIN);

    static final List<String> WITH_CAMUNDA_ADMIN = List.of(FACT_CHECKERS, EDITORS, AUDITORS, ADMINS, DESK_LEADS,
            LEGAL, CAMUNDA_ADMIN);

    private Groups() {
    }

    /** The Spring Security role of a group: {@code fact-checkers} is {@code FACT_CHECKERS}. */
    public static String role(String group) {
        return group.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The groups behind a signed-in person's roles, when every role is one of FactDesk's own groups: the roles were
     * read from those groups at sign-in, so the engine need not be asked again on every request. Empty when a role
     * is one this class does not know (a group made in Camunda's Admin), so the caller asks the engine.
     */
    static Optional<List<String>> ofRoles(Collection<? extends GrantedAuthority> authorities) {
        List<String> groups = new ArrayList<>();
        for (GrantedAuthority authority : authorities) {
            String role = authority.getAuthority();
            if (role == null || !role.startsWith("ROLE_")) {
                continue;
            }
            Optional<String> group = WITH_CAMUNDA_ADMIN.stream().filter(g -> role.equals("ROLE_" + role(g)))
                    .findFirst();
            if (group.isEmpty()) {
                return Optional.empty();
            }
            groups.add(group.get());
        }
        return Optional.of(groups);
    }

    static String name(String group) {
        return switch (group) {
            case FACT_CHECKERS -> "Fact-checkers";
            case EDITORS -> "Editors";
            case LEGAL -> "Legal";
            case AUDITORS -> "Auditors";
            case ADMINS -> "Admins";
            case DESK_LEADS -> "Desk leads";
            case CAMUNDA_ADMIN -> "Camunda administrators";
            default -> group;
        };
    }
}
