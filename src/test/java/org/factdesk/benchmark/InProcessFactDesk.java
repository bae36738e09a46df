package org.factdesk.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.FactDeskApplication;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FactDesk inside the benchmark's JVM, used only to seed open claims quickly and to time queries against its engine
 * and database directly. No web apps, no job executor; the queue's HTTP figures come from a {@link Node} instead.
 */
final class InProcessFactDesk implements AutoCloseable {

    /** A query that takes longer is cancelled by the database, so that one quadratic plan cannot stall the run. */
    static final int QUERY_TIMEOUT_MS = Integer.getInteger("scale.query.timeout", 20_000);

    private static final AtomicInteger ENGINES = new AtomicInteger();

    /** Category and severity pairs that the routing decision turns into different priorities and deadlines. */
    private static final String[][] KINDS = {{"TYPO", "LOW"}, {"NAME", "MEDIUM"}, {"FACTUAL", "HIGH"},
            {"TIME", "MEDIUM"}, {"NUMBER", "LOW"}, {"QUOTE", "HIGH"}, {"DUPLICATE", "LOW"}, {"TYPO", "MEDIUM"}};

    final ConfigurableApplicationContext context;
    final JdbcTemplate jdbc;
    final TaskService tasks;
    final RuntimeService runtime;
    final IdentityService identity;
    final boolean postgres;

    private InProcessFactDesk(ConfigurableApplicationContext context, boolean postgres) {
        this.context = context;
        this.postgres = postgres;
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        this.tasks = context.getBean(TaskService.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.identity = context.getBean(IdentityService.class);
    }

    static InProcessFactDesk h2(Path dataDir) {
        // As application.yml, but H2 may not hand back the last result of an identical query when no table changed
        // in between: at a desk, something always has, and the timings here must not flatter either design.
        return start(false, "--factdesk.data-dir=" + dataDir.toAbsolutePath(), "--spring.datasource.url=jdbc:h2:file:"
                + dataDir.toAbsolutePath() + "/factdesk;" + Bench.H2_OPTIONS + ";"
                + "OPTIMIZE_REUSE_RESULTS=0;QUERY_TIMEOUT=" + QUERY_TIMEOUT_MS);
    }

    static InProcessFactDesk postgres(Path dataDir, String url) {
        return start(true, "--factdesk.data-dir=" + dataDir.toAbsolutePath(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.connection-init-sql=SET statement_timeout = " + QUERY_TIMEOUT_MS);
    }

    /**
     * FactDesk as a node runs it (the shipped H2 options, the job executor on), for whole lifecycles driven through
     * its services in this JVM ({@link InProcessLifecycles}).
     */
    static InProcessFactDesk h2WithJobs(Path dataDir) {
        return start(false, true, "--factdesk.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath() + "/factdesk;" + Bench.H2_OPTIONS);
    }

    /** The same on PostgreSQL, as profile postgres runs it. */
    static InProcessFactDesk postgresWithJobs(Path dataDir, String url) {
        return start(true, true, "--factdesk.data-dir=" + dataDir.toAbsolutePath(), "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres");
    }

    private static InProcessFactDesk start(boolean postgres, String... extra) {
        return start(postgres, false, extra);
    }

    private static InProcessFactDesk start(boolean postgres, boolean jobs, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off",
                // One engine registry per JVM: each start gets a name of its own.
                "--camunda.bpm.process-engine-name=benchseed" + ENGINES.incrementAndGet(),
                "--camunda.bpm.webapp.enabled=false", "--camunda.bpm.job-execution.enabled=" + jobs,
                "--logging.level.root=WARN", "--logging.level.org.factdesk=WARN"));
        args.addAll(List.of(extra));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(FactDeskApplication.class);
        if (postgres) {
            builder.profiles("postgres");
        }
        return new InProcessFactDesk(builder.run(args.toArray(String[]::new)), postgres);
    }

    /** Open Verify claim tasks. */
    long openVerifyTasks() {
        return tasks.createTaskQuery().taskDefinitionKey("Task_VerifyClaim").count();
    }

    /**
     * Flags {@code count} claims on the seed article as {@code flagger}, in transactions of a few hundred, through
     * FactDesk's own service: each stores its claim, appends its audit entry and starts its review as a flag from the
     * API does.
     */
    void flag(int count, String flagger) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext asFlagger = SecurityContextHolder.createEmptyContext();
        asFlagger.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(flagger, null,
                List.of(new SimpleGrantedAuthority("ROLE_FACT_CHECKERS"))));
        SecurityContextHolder.setContext(asFlagger);
        try {
            ClaimService claims = context.getBean(ClaimService.class);
            ArticleService articles = context.getBean(ArticleService.class);
            TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            int batch = 250;
            String line = "\nThe strike hit the Erbil vase at night.";
            for (int done = 0; done < count; done += batch) {
                int from = done;
                int n = Math.min(batch, count - done);
                // One open claim per place: each batch flags each place of the quote on an article of its own.
                long article = articles.importArticle("bench-" + UUID.randomUUID(), "Bench desk\nBench article "
                        + UUID.randomUUID() + "\n8 January 2020, 09:00" + line.repeat(n), flagger).id();
                tx.executeWithoutResult(status -> {
                    for (int i = 0; i < n; i++) {
                        String[] kind = KINDS[(from + i) % KINDS.length];
                        claims.flag(article, new FlagRequest("Erbil vase", i + 1, null, null, kind[0], kind[1],
                                "Erbil base", null), flagger);
                    }
                });
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Has {@code user} take {@code count} unassigned Verify claim tasks, through the engine as that user. */
    void hold(String user, int count) {
        List<Task> open = tasks.createTaskQuery().taskDefinitionKey("Task_VerifyClaim").taskUnassigned()
                .orderByTaskCreateTime().desc().listPage(0, count);
        identity.setAuthentication(user, groupsOf(user));
        try {
            for (Task task : open) {
                tasks.claim(task.getId(), user);
            }
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Copies the open reviews flagged through {@link #flag} (the template) until there are {@code size} open Verify
     * claim tasks: each copy gets new ids in Camunda's runtime tables (process instance, task, candidate link,
     * variables, the task's authorization) and a new claim row whose id is the copy's business key and claimId. The
     * engine reads them as it reads the originals. Camunda's history and FactDesk's audit entries are not copied:
     * the queue never reads them. Returns the number of copies.
     */
    int cloneTo(int size) {
        // One connection for the whole copy, with the run's query timeout and H2's result reuse lifted for it: the
        // copies are bulk statements, not queries being measured.
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Integer>) connection -> {
            try (var settings = connection.createStatement()) {
                settings.execute(postgres ? "SET statement_timeout = 0" : "SET QUERY_TIMEOUT 0");
                if (!postgres) {
                    settings.execute("SET OPTIMIZE_REUSE_RESULTS 1");
                    // H2 checks each copied row's foreign keys as it goes: a process's child execution may come
                    // before its copied process instance. The copies are whole, so nothing dangles afterwards.
                    settings.execute("SET REFERENTIAL_INTEGRITY FALSE");
                }
            }
            JdbcTemplate one = new JdbcTemplate(
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true));
            try {
                return cloneTo(one, size);
            } finally {
                try (var settings = connection.createStatement()) {
                    settings.execute(postgres ? "SET statement_timeout = " + QUERY_TIMEOUT_MS
                            : "SET QUERY_TIMEOUT " + QUERY_TIMEOUT_MS);
                    if (!postgres) {
                        settings.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                        settings.execute("SET REFERENTIAL_INTEGRITY TRUE");
                    }
                }
            }
        });
    }

    private int cloneTo(JdbcTemplate jdbc, int size) {
        jdbc.execute("DROP TABLE IF EXISTS bench_template");
        jdbc.execute("CREATE TABLE bench_template AS SELECT e.ID_ AS pi FROM ACT_RU_EXECUTION e "
                + "JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ = e.ID_ WHERE e.ID_ = e.PROC_INST_ID_ AND e.ID_ NOT LIKE '%-c%' "
                + "AND t.TASK_DEF_KEY_ = 'Task_VerifyClaim'");
        int template = jdbc.queryForObject("SELECT COUNT(*) FROM bench_template", Integer.class);
        int copies = 0;
        // Copies of earlier calls have ids from 1,000,000 up: go on after them.
        long first = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM claim", Long.class) / 1_000_000L + 1;
        for (long round = first; jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_VerifyClaim'", Long.class) < size; round++) {
            long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = 'Task_VerifyClaim'", Long.class);
            int n = (int) Math.min(template, size - open);
            String suffix = "-c" + round;
            long offset = 1_000_000L * round;
            jdbc.execute("DROP TABLE IF EXISTS bench_round");
            jdbc.execute("CREATE TABLE bench_round AS SELECT b.pi, CAST(e.BUSINESS_KEY_ AS BIGINT) AS claim_id FROM "
                    + "bench_template b JOIN ACT_RU_EXECUTION e ON e.ID_ = b.pi ORDER BY b.pi LIMIT " + n);
            jdbc.execute("CREATE INDEX bench_round_pi ON bench_round (pi)");
            jdbc.execute("CREATE INDEX bench_round_claim ON bench_round (claim_id)");
            String mine = " WHERE PROC_INST_ID_ IN (SELECT pi FROM bench_round)";
            // A copy stands at no place of its own: the one-open-claim-per-place index would refuse it.
            copy(jdbc, suffix, "claim", Map.of("id", "id + " + offset, "open_place", "NULL"), " WHERE id IN (SELECT claim_id FROM bench_round)");
            copy(jdbc, suffix, "ACT_RU_EXECUTION", Map.of("BUSINESS_KEY_",
                    "CAST(CAST(BUSINESS_KEY_ AS BIGINT) + " + offset + " AS VARCHAR(64))"), mine, "ID_",
                    "PROC_INST_ID_", "PARENT_ID_", "ROOT_PROC_INST_ID_", "SUPER_EXEC_", "ACT_INST_ID_");
            copy(jdbc, suffix, "ACT_RU_TASK", Map.of(), mine, "ID_", "EXECUTION_ID_", "PROC_INST_ID_");
            copy(jdbc, suffix, "ACT_RU_IDENTITYLINK", Map.of(), " WHERE TASK_ID_ IN (SELECT ID_ FROM ACT_RU_TASK" + mine + ")",
                    "ID_", "TASK_ID_");
            copy(jdbc, suffix, "ACT_RU_VARIABLE", Map.of(
                    "LONG_", "CASE WHEN NAME_ = 'claimId' THEN LONG_ + " + offset + " ELSE LONG_ END",
                    "TEXT_", "CASE WHEN NAME_ = 'claimId' THEN CAST(LONG_ + " + offset + " AS VARCHAR(64)) ELSE TEXT_ END"),
                    mine, "ID_", "EXECUTION_ID_", "PROC_INST_ID_", "VAR_SCOPE_", "TASK_ID_");
            copy(jdbc, suffix, "review_task", Map.of("claim_id", "claim_id + " + offset), " WHERE task_id IN "
                    + "(SELECT ID_ FROM ACT_RU_TASK" + mine + ")", "task_id");
            copy(jdbc, suffix, "review_task_word", Map.of(), " WHERE task_id IN (SELECT ID_ FROM ACT_RU_TASK" + mine
                    + ")", "task_id");
            copy(jdbc, suffix, "ACT_RU_AUTHORIZATION", Map.of(), " WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (SELECT ID_ "
                    + "FROM ACT_RU_TASK" + mine + ")", "ID_", "RESOURCE_ID_", "ROOT_PROC_INST_ID_");
            copies += n;
        }
        jdbc.execute("DROP TABLE IF EXISTS bench_round");
        jdbc.execute("DROP TABLE bench_template");
        // The copies bypassed FactDesk: count the desks' unheld tasks again, as a start would (OpenTasksRebuild).
        jdbc.execute("DELETE FROM review_queue_size");
        jdbc.execute("INSERT INTO review_queue_size (work_group, step, category, severity, unheld) SELECT work_group, "
                + "step, COALESCE(category, '-'), COALESCE(severity, '-'), COUNT(*) FROM review_task WHERE holder IS NULL "
                + "GROUP BY work_group, step, COALESCE(category, '-'), COALESCE(severity, '-')");
        return copies;
    }

    /**
     * INSERT ... SELECT of {@code table}'s rows matching {@code where}, with {@code suffixed} id columns given the
     * current round's suffix and {@code replaced} columns computed.
     */
    private static void copy(JdbcTemplate jdbc, String suffix, String table, Map<String, String> replaced, String where, String... suffixed) {
        List<String> columns = jdbc.query("SELECT * FROM " + table + " WHERE 1 = 0", rs -> {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i));
            }
            return names;
        });
        Set<String> toSuffix = new java.util.HashSet<>();
        for (String s : suffixed) {
            toSuffix.add(s.toUpperCase(java.util.Locale.ROOT));
        }
        Map<String, String> upper = new java.util.HashMap<>();
        replaced.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
        List<String> select = new ArrayList<>();
        for (String column : columns) {
            String key = column.toUpperCase(java.util.Locale.ROOT);
            if (upper.containsKey(key)) {
                select.add(upper.get(key));
            } else if (toSuffix.contains(key)) {
                select.add("CASE WHEN " + column + " IS NULL THEN NULL ELSE " + column + " || '" + suffix + "' END");
            } else {
                select.add(column);
            }
        }
        jdbc.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", select)
                + " FROM " + table + where);
    }

    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}
