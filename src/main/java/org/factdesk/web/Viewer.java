package org.factdesk.web;

import org.factdesk.identity.Groups;
import org.springframework.security.core.Authentication;

/** The signed-in person as the pages need them: a name and which groups' work they may do. */
record Viewer(String name, boolean factChecker, boolean editor, boolean auditor, boolean admin) {

    static Viewer of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Viewer(null, false, false, false, false);
        }
        return new Viewer(authentication.getName(), has(authentication, Groups.FACT_CHECKERS),
                has(authentication, Groups.EDITORS), has(authentication, Groups.AUDITORS),
                has(authentication, Groups.ADMINS));
    }

    /** May flag claims and work review tasks. */
    boolean reviewer() {
        return factChecker || editor;
    }

    /** May read the audit log. */
    boolean readsAudit() {
        return editor || auditor || admin;
    }

    /** Where this person starts: their queue, the audit log, or the articles. */
    String landing() {
        if (reviewer()) {
            return "/tasks";
        }
        return auditor ? "/audit" : "/articles";
    }

    private static boolean has(Authentication authentication, String group) {
        String role = "ROLE_" + Groups.role(group);
        return authentication.getAuthorities().stream().anyMatch(a -> role.equals(a.getAuthority()));
    }
}
