package org.factdesk.review;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.factdesk.FactDeskApplication;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue's counts by kind, its pages read by key and its search on the words' index, on a real PostgreSQL: the
 * same migrations (and PostgreSQL's own index for the words' prefixes) give the same answers as on H2.
 */
class PostgresQueueTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        node = new SpringApplicationBuilder(FactDeskApplication.class)
                .profiles("postgres")
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--factdesk.data-dir=target/test-data/postgres-queue",
                        "--spring.jmx.enabled=false",
                        // One registry of engines per JVM: a name of its own keeps the suite's engine out of it.
                        "--camunda.bpm.process-engine-name=pgqueue",
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.mail.port=" + TestMailServer.port());
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void countsPagesAndSearchAgreeWithTheTable() {
        TestApi api = new TestApi(((ServletWebServerApplicationContext) node).getWebServer().getPort());
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        long article = api.importArticle("The Micklegate ferry left Dovr, Calias and Harwik before noon on Tuesday.");
        List<String> quotes = List.of("Micklegate", "Dovr", "Calias", "Harwik", "noon", "Tuesday");
        List<Long> claims = new ArrayList<>();
        for (int i = 0; i < quotes.size(); i++) {
            claims.add(api.flag("farid", article, Map.of("quote", quotes.get(i), "category", i % 2 == 0 ? "NAME"
                    : "TIME", "severity", i % 3 == 0 ? "HIGH" : "LOW")));
        }
        String held = api.taskOf("fiona", claims.get(1));
        assertThat(api.post("fiona", "/api/tasks/" + held + "/claim", null).status()).isEqualTo(200);

        for (String filter : List.of("", "category=NAME", "category=TIME&severity=LOW", "severity=HIGH",
                "tab=unassigned&category=NAME", "sort=deadline", "tab=mine&category=TIME")) {
            List<String> whole = ids(api, filter);
            long inTable = jdbc.queryForObject("SELECT COUNT(*) FROM review_task WHERE work_group = 'fact-checkers' "
                    + "AND (holder IS NULL OR holder = 'fiona')" + sql(filter), Long.class);
            assertThat((long) whole.size()).as(filter).isEqualTo(inTable);
            List<String> paged = new ArrayList<>();
            for (int page = 0; page * 2 < whole.size(); page++) {
                api.get("fiona", "/api/tasks?size=2&page=" + page + (filter.isEmpty() ? "" : "&" + filter)).json()
                        .forEach(t -> paged.add(t.get("id").asText()));
            }
            assertThat(paged).as(filter).containsExactlyElementsOf(whole);
        }

        String mickle = api.taskOf("fiona", claims.get(0));
        assertThat(ids(api, "q=MICKLE")).contains(mickle);
        // A word of the quote and one of the headline.
        assertThat(ids(api, "q=article%20mick")).contains(mickle);
        assertThat(ids(api, "q=ickle")).doesNotContain(mickle);
        assertThat(ids(api, "q=mick_")).doesNotContain(mickle);

        // A start counts the sizes again, whatever they said.
        jdbc.update("UPDATE review_queue_size SET unheld = unheld + 1000");
        node.getBean(OpenTasksRebuild.class).run(null);
        assertThat((long) ids(api, "category=NAME").size()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM "
                + "review_task WHERE work_group = 'fact-checkers' AND (holder IS NULL OR holder = 'fiona')"
                + sql("category=NAME"), Long.class));
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(unheld), 0) FROM review_queue_size", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM review_task WHERE holder IS NULL", Long.class));

        // PostgreSQL can answer the words' prefix from its pattern-ordered index.
        String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (ResultSet rs = statement.executeQuery(
                        "EXPLAIN SELECT task_id FROM review_task_word WHERE word LIKE 'mick%'")) {
                    while (rs.next()) {
                        lines.append(rs.getString(1)).append('\n');
                    }
                }
                statement.execute("SET enable_seqscan = on");
                return lines.toString();
            }
        });
        assertThat(plan).contains("review_task_word_prefix");
    }

    private static List<String> ids(TestApi api, String filter) {
        return api.queue("fiona", filter).stream().map(t -> t.get("id").asText()).toList();
    }

    /** The filter as a condition on review_task, to count what the queue should hold. */
    private static String sql(String filter) {
        StringBuilder where = new StringBuilder();
        for (String part : filter.split("&")) {
            String[] kv = part.split("=");
            switch (kv[0]) {
                case "category", "severity" -> where.append(" AND ").append(kv[0]).append(" = '").append(kv[1])
                        .append("'");
                case "tab" -> where.append(kv[1].equals("mine") ? " AND holder = 'fiona'" : " AND holder IS NULL");
                default -> {
                }
            }
        }
        return where.toString();
    }
}
