package org.factdesk.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups on every start, and the users: in profile {@code prod} only {@code admin}, whose password must
 * come from {@code FACTDESK_ADMIN_PASSWORD}; otherwise the demo users, all with password {@code demo}, and a warning.
 */
@Component
@Order(IdentitySetup.ORDER)
class IdentitySetup implements ApplicationRunner {

    static final int ORDER = 0;
    static final String DEMO_PASSWORD = "demo";
    /** The shortest admin password profile prod accepts. */
    static final int MIN_ADMIN_PASSWORD = 12;
    static final List<String> ADMIN_GROUPS = List.of(Groups.ADMINS, Groups.CAMUNDA_ADMIN);

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

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
            return;
        }
        directory.ensureUser("fiona", "Fiona", "Fact-checker", DEMO_PASSWORD, List.of(Groups.FACT_CHECKERS));
        directory.ensureUser("farid", "Farid", "Fact-checker", DEMO_PASSWORD, List.of(Groups.FACT_CHECKERS));
        directory.ensureUser("edith", "Edith", "Editor", DEMO_PASSWORD, List.of(Groups.EDITORS));
        directory.ensureUser("elliot", "Elliot", "Editor", DEMO_PASSWORD, List.of(Groups.EDITORS));
        directory.ensureUser("audrey", "Audrey", "Auditor", DEMO_PASSWORD, List.of(Groups.AUDITORS));
        directory.ensureUser("admin", "FactDesk", "Admin", DEMO_PASSWORD, ADMIN_GROUPS);
        log.warn("Demo users exist (fiona, farid, edith, elliot, audrey, admin), all with password '{}'. "
                + "Run with profile 'prod' for a FactDesk without them.", DEMO_PASSWORD);
    }

    private boolean isProduction() {
        return environment.acceptsProfiles(Profiles.of("prod"));
    }
}
