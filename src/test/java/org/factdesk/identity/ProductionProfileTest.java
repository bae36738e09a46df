package org.factdesk.identity;

import java.nio.file.Path;

import org.factdesk.FactDeskApplication;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Profile prod: no demo users or claims, and no start at all without an admin password from the environment. */
class ProductionProfileTest {

    /**
     * Camunda keeps one registry of engines per JVM: an engine named "default" would, when this test's application
     * closes, take the suite's shared application's engine out of it, and its engine REST API with it. (Camunda
     * takes no name with a hyphen.)
     */
    private static final String ENGINE_NAME = "--camunda.bpm.process-engine-name=productionProfileTest";
    /** Cockpit keeps its runtime in a static too, which a second application's webapps would take down on close. */
    private static final String NO_WEBAPPS = "--camunda.bpm.webapp.enabled=false";

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> start("--factdesk.admin-password=").close())
                .hasStackTraceContaining("FACTDESK_ADMIN_PASSWORD");
    }

    @Test
    void refusesAWeakAdminPassword() {
        assertThatThrownBy(() -> start("--factdesk.admin-password=x").close())
                .hasStackTraceContaining("too weak");
        assertThatThrownBy(() -> start("--factdesk.admin-password=demo").close())
                .hasStackTraceContaining("too weak");
    }

    @Test
    void refusesToStartWithoutADatabasePassword() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FactDeskApplication.class).profiles("prod")
                .run("--server.port=0", "--factdesk.data-dir=" + dataDir, "--spring.jmx.enabled=false", ENGINE_NAME, NO_WEBAPPS,
                        "--factdesk.admin-password=s3cret-for-the-test").close())
                .hasStackTraceContaining("FACTDESK_DB_PASSWORD");
    }

    @Test
    void keepsTheH2ConsoleAndTheApiDescriptionFromStrangers() {
        try (ConfigurableApplicationContext context = start("--factdesk.admin-password=s3cret-for-the-test")) {
            TestApi api = new TestApi(((ServletWebServerApplicationContext) context).getWebServer().getPort());

            assertThat(api.send(null, "GET", "/v3/api-docs", null, null).status()).isIn(302, 401);
            assertThat(api.send(null, "GET", "/swagger-ui.html", null, null).status()).isIn(302, 401);
            // No console is served at all, for admins neither.
            assertThat(context.containsBean("h2Console")).isFalse();
            assertThat(context.getEnvironment().getProperty("spring.h2.console.enabled")).isEqualTo("false");
            assertThat(context.getEnvironment().getProperty("spring.datasource.password"))
                    .isEqualTo("db-secret-for-the-test");
        }
    }

    @Test
    void startsWithOnlyTheAdminAndNoDemoData() {
        try (ConfigurableApplicationContext context = start("--factdesk.admin-password=s3cret-for-the-test")) {
            TestApi api = new TestApi(((ServletWebServerApplicationContext) context).getWebServer().getPort());

            UserDirectory users = context.getBean(UserDirectory.class);
            assertThat(users.checkPassword("admin", "s3cret-for-the-test")).isTrue();
            assertThat(users.groupsOf("admin")).contains(Groups.ADMINS);
            assertThat(api.get("fiona", "/api/articles").status()).isEqualTo(401);
            assertThat(api.send("admin", "GET", "/api/articles", null, null).status())
                    .as("the demo password is not the admin's").isEqualTo(401);
            assertThat(context.getBean(org.factdesk.claim.ClaimService.class).search(null, null)).isEmpty();
        }
    }

    private ConfigurableApplicationContext start(String adminPassword) {
        return new SpringApplicationBuilder(FactDeskApplication.class)
                .profiles("prod")
                .run("--server.port=0", "--factdesk.data-dir=" + dataDir, "--spring.jmx.enabled=false", ENGINE_NAME, NO_WEBAPPS,
                        "--spring.datasource.password=db-secret-for-the-test", adminPassword);
    }
}
