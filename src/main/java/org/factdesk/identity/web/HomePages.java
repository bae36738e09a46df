package org.factdesk.identity.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.factdesk.identity.Roles;
import org.factdesk.shared.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the front door that sends each person to where their work is. */
@Page
class HomePages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication me) {
        return "redirect:" + landing(me);
    }

    /** Where a person starts: reviewers and lawyers at their queue, auditors at the audit log, everyone else at the articles. */
    static String landing(Authentication me) {
        Set<String> roles = me == null ? Set.of() : me.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (roles.contains("ROLE_" + Roles.FACT_CHECKERS) || roles.contains("ROLE_" + Roles.EDITORS)
                || roles.contains("ROLE_" + Roles.DESK_LEADS) || roles.contains("ROLE_" + Roles.LEGAL)) {
            return "/tasks";
        }
        return roles.contains("ROLE_" + Roles.AUDITORS) ? "/audit" : "/articles";
    }
}
