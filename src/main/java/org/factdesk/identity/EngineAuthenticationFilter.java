package org.factdesk.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the process engine who is calling for the length of one request, so task listeners see the same user
 * whether the call came through FactDesk's API or the engine REST API.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;
    private final UserDirectory directory;

    EngineAuthenticationFilter(IdentityService identity, UserDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            chain.doFilter(request, response);
            return;
        }
        // The roles came from the person's groups at sign-in; only a group FactDesk does not know sends us to the engine.
        List<String> groups = Groups.ofRoles(authentication.getAuthorities())
                .orElseGet(() -> directory.groupsOf(authentication.getName()));
        identity.setAuthentication(authentication.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
