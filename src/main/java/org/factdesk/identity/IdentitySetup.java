package org.factdesk.identity;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups on every start and, in profile {@code prod}, the one user {@code admin}, whose password must
 * come from {@code FACTDESK_ADMIN_PASSWORD}. Outside it the demo feature adds the demo users.
 */
@Component
@Order(IdentitySetup.ORDER)
class IdentitySetup implements ApplicationRunner {

    static final int ORDER = UserDirectory.SETUP_ORDER;
    /** The demo users' password, which profile prod never accepts for its admin. */
    static final String DEMO_PASSWORD = "demo";
    /** The shortest admin password profile prod accepts. */
    static final int MIN_ADMIN_PASSWORD = 12;
    static final List<String> ADMIN_GROUPS = Groups.ADMINISTRATOR;

    private final UserDirectory directory;
    private final Environment environment;
    private final String adminPassword;

    IdentitySetup(UserDirectory directory, Environment environment,
            @Value("${factdesk.admin-password:}") String adminPassword) {
        this.directory = directory;
        this.environment = environment;
        this.adminPassword = adminPassword;
        // Refuse to start before anything is served: a production FactDesk without an admin password is a locked
        // door with no key, or one with a known key.
        if (isProduction() && adminPassword.isBlank()) {
            throw new IllegalStateException("Profile 'prod' needs the admin password in FACTDESK_ADMIN_PASSWORD.");
        }
        if (isProduction() && (adminPassword.length() < MIN_ADMIN_PASSWORD || adminPassword.equals(DEMO_PASSWORD))) {
            throw new IllegalStateException("FACTDESK_ADMIN_PASSWORD is too weak for profile 'prod': give at least "
                    + MIN_ADMIN_PASSWORD + " characters.");
        }
        if (isProduction() && environment.getProperty("spring.datasource.password", "").isBlank()) {
            throw new IllegalStateException("Profile 'prod' needs the database password in FACTDESK_DB_PASSWORD.");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.ensureGroups();
        if (isProduction()) {
            directory.ensureUser("admin", "FactDesk", "Admin", adminPassword, ADMIN_GROUPS);
        }
    }

    private boolean isProduction() {
        return environment.acceptsProfiles(Profiles.of("prod"));
    }
}
