package org.factdesk.demo;

import java.util.List;

import org.factdesk.identity.Groups;
import org.factdesk.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo newsroom's people, created on every start outside profile {@code prod}, all with password
 * {@value #PASSWORD}: two fact-checkers, two editors, a desk lead, a lawyer, an auditor
 * and an admin.
 */
@Component
@Profile("!prod")
@Order(UserDirectory.SETUP_ORDER + 1)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final UserDirectory directory;

    DemoUsers(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        directory.ensureUser("fiona", "Fiona", "Fact-checker", email("fiona"), PASSWORD,
                List.of(Groups.FACT_CHECKERS));
        directory.ensureUser("farid", "Farid", "Fact-checker", email("farid"), PASSWORD,
                List.of(Groups.FACT_CHECKERS));
        directory.ensureUser("edith", "Edith", "Editor", email("edith"), PASSWORD, List.of(Groups.EDITORS));
        directory.ensureUser("elliot", "Elliot", "Editor", email("elliot"), PASSWORD, List.of(Groups.EDITORS));
        directory.ensureUser("dana", "Dana", "Desk lead", email("dana"), PASSWORD, List.of(Groups.DESK_LEADS));
        directory.ensureUser("lena", "Lena", "Legal counsel", email("lena"), PASSWORD, List.of(Groups.LEGAL));
        directory.ensureUser("audrey", "Audrey", "Auditor", email("audrey"), PASSWORD, List.of(Groups.AUDITORS));
        directory.ensureUser("admin", "FactDesk", "Admin", email("admin"), PASSWORD, Groups.ADMINISTRATOR);
        log.warn("Demo users exist (fiona, farid, edith, elliot, dana, lena, audrey, admin), all with password '{}'. "
                + "Run with profile 'prod' for a FactDesk without them.", PASSWORD);
    }

    /** The demo newsroom's addresses, under a domain reserved for examples (RFC 2606). */
    static String email(String user) {
        return user + "@factdesk.example";
    }
}
