package org.factdesk.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.factdesk.FactDeskApplication;
import org.factdesk.review.BacklogAlerted;
import org.factdesk.review.BacklogWatch;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestMailServer;
import org.factdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two FactDesk nodes, each with its own Camunda engine and job executor, on one real PostgreSQL database: a claim
 * flagged on one node is verified and approved on the other, and its correction is published exactly once; a task
 * escalated on one node is a desk lead's on the other; two nodes checking the backlog at once alert a desk once.
 */
class PostgresClusterTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startClusterOnOneDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        nodeA = node(url, "a");
        nodeB = node(url, "b");
    }

    private static ConfigurableApplicationContext node(String url, String name) {
        // Command-line arguments, because they outrank the profile's own settings.
        return new SpringApplicationBuilder(FactDeskApplication.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--factdesk.data-dir=target/test-data/cluster-" + name,
                        "--spring.jmx.enabled=false",
                        // Camunda keeps one registry of engines per JVM (names without "-"): a node named "default" would, when it
                        // closes, take the suite's shared application's engine out of it.
                        "--camunda.bpm.process-engine-name=cluster" + name,
                        // Cockpit keeps its runtime in a static, which these nodes' webapps would take down on close.
                        "--camunda.bpm.webapp.enabled=false",
                        // Both nodes mail through the test JVM's SMTP server.
                        "--spring.mail.port=" + TestMailServer.port());
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void bothNodesSendButEachMailAndEachWebhookGoesOutOnce() throws InterruptedException {
        try (WebhookReceiver cms = new WebhookReceiver()) {
            TestApi a = api(nodeA);
            TestApi b = api(nodeB);
            assertThat(a.post("admin", "/api/webhooks", Map.of("url", cms.url())).status()).isEqualTo(201);
            long article = a.importArticle("The ferry reached Stornowey at dawn.");
            String headline = a.get("audrey", "/api/articles/" + article).json().get("headline").asText();
            long claim = a.flag("farid", article, Map.of("quote", "Stornowey", "category", "TYPO",
                    "replacement", "Stornoway"));
            Map<String, Object> verdict = Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Stornoway",
                    "notice", "An earlier version of this article misspelled Stornoway.");
            b.work("fiona", claim, verdict);
            // The editor returns it: the engine gives Verify claim back to fiona, who is mailed.
            a.work("edith", claim, Map.of("decision", "RETURN", "comment", "Check the spelling once more."));
            b.work("fiona", claim, verdict);
            a.work("edith", claim, Map.of("decision", "APPROVE"));
            b.awaitState(claim, "PUBLISHED");

            await().atMost(Duration.ofSeconds(30)).until(() -> !cms.about(article).isEmpty()
                    && !TestMailServer.received("fiona@factdesk.example", headline).isEmpty());
            // Both nodes' senders run every second; give them a few rounds to post or mail anything twice.
            Thread.sleep(4_000);
            assertThat(cms.about(article)).hasSize(1);
            assertThat(TestMailServer.received("fiona@factdesk.example", headline)).hasSize(1);
        }
    }

    @Test
    void aClaimMovesBetweenNodesAndIsPublishedOnce() {
        TestApi a = api(nodeA);
        TestApi b = api(nodeB);
        long article = a.importArticle("The minister visited Lodnon on Tuesday.", "Lodnon was cold.");
        long claim = a.flag("fiona", article, Map.of("quote", "Lodnon", "scope", "ALL", "category", "TYPO",
                "replacement", "London"));

        String verify = b.taskOf("farid", claim);
        assertThat(b.post("farid", "/api/tasks/" + verify + "/claim", null).status()).isEqualTo(200);
        assertThat(b.post("farid", "/api/tasks/" + verify + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled London.")).status()).isEqualTo(204);
        String approve = a.taskOf("edith", claim);
        assertThat(a.post("edith", "/api/tasks/" + approve + "/complete", Map.of("decision", "APPROVE")).status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(b.claim(claim).get("state").asText()));
        assertThat(b.get("audrey", "/api/articles/" + article).json().get("body").asText())
                .isEqualTo("The minister visited London on Tuesday.\nLondon was cold.");
        JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article_revision WHERE claim_id = ?", Integer.class,
                claim)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE claim_id = ? AND action = 'PUBLISHED'",
                Integer.class, claim)).isEqualTo(1);
        // Both nodes imported the same seed; the database kept one.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article WHERE source = '000_2351e39fdcd1b2f7.txt'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void anEscalationOnOneNodeLetsADeskLeadWorkTheTaskOnTheOther() {
        TestApi a = api(nodeA);
        long article = a.importArticle("The mayor of Cardif spoke on Monday.");
        long claim = a.flag("elliot", article, Map.of("quote", "Cardif", "category", "TYPO", "replacement", "Cardiff"));
        ManagementService engineB = nodeB.getBean(ManagementService.class);
        String instance = nodeB.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(claim)).singleResult().getId();
        String task = a.taskOf("fiona", claim);
        assertThat(a.post("dana", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(403);

        engineB.executeJob(engineB.createJobQuery().processInstanceId(instance)
                .activityId(ClaimReviewProcess.Element.BOUNDARY_VERIFY_OVERDUE).singleResult().getId());

        assertThat(a.post("dana", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE claim_id = ? AND action = 'ESCALATED'",
                Integer.class, claim)).isEqualTo(1);
    }

    @Test
    void bothNodesCheckingTheBacklogAtOnceAlertADeskOnce() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(nodeA.getBean(DataSource.class));
        TestApi a = api(nodeA);
        long article = a.importArticle("The ferry to Stornoway leaves at 07:00.");
        a.flag("fiona", article, Map.of("quote", "Stornoway", "category", "NAME"));
        // A desk without a row yet, as a step added to the model later would be: the first check creates it.
        jdbc.update("DELETE FROM review_backlog WHERE work_group = 'fact-checkers'");
        Instant later = Instant.now().plus(Duration.ofDays(60));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                nodeA.getBean(BacklogWatch.class).check(Instant.EPOCH, 0);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<List<BacklogAlerted>> onA = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return nodeA.getBean(BacklogWatch.class).check(later, 0);
                });
                Future<List<BacklogAlerted>> onB = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return nodeB.getBean(BacklogWatch.class).check(later, 0);
                });
                List<BacklogAlerted> alerts = new ArrayList<>(onA.get(30, TimeUnit.SECONDS));
                alerts.addAll(onB.get(30, TimeUnit.SECONDS));
                assertThat(alerts).as("round %d", round)
                        .filteredOn(alert -> alert.group().equals(ClaimReviewProcess.GROUP_FACT_CHECKERS)).hasSize(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review_backlog WHERE work_group = 'fact-checkers'",
                Integer.class)).isEqualTo(1);
    }

    private static TestApi api(ConfigurableApplicationContext node) {
        return new TestApi(((ServletWebServerApplicationContext) node).getWebServer().getPort());
    }
}
