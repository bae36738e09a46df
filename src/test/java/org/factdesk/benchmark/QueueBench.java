package org.factdesk.benchmark;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import static org.factdesk.benchmark.Bench.Samples;
import static org.factdesk.benchmark.Bench.ms;
import static org.factdesk.benchmark.Bench.say;

/**
 * The review queue at 1k, 10k and 100k open claims: FactDesk's {@code GET /api/tasks} and {@code /tasks} page as
 * they are, and what a page of 50 would cost read through Camunda's TaskQuery or through a FactDesk table.
 */
final class QueueBench {

    static final String USER = "fiona";
    private static final int PAGE = 50;

    /** The unpaged endpoint's p50 at the previous size, to skip a size it cannot answer within the timeout. */
    private double lastApiMillis;
    private double lastPageMillis;
    private int lastSize;
    /** The in-process full queue read's time at the previous size. */
    private double lastFullMillis;

    static void h2() {
        new QueueBench().runH2();
    }

    private void runH2() {
        Bench.heading("Queue on H2: GET /api/tasks and /tasks as " + USER + ", and paged alternatives");
        Path data = Bench.dir("queue-h2");
        boolean first = true;
        for (int size : Bench.QUEUE_SIZES) {
            try (InProcessFactDesk desk = InProcessFactDesk.h2(data)) {
                seedTo(desk, size, first);
                first = false;
                QueuePlans.explain(desk, size, USER);
                if (ALTERNATIVES) {
                    alternatives(desk, size, "h2");
                }
            }
            Node node = Node.h2("queue-h2-" + size, data, List.of());
            boolean clean = true;
            try {
                clean = http(node, size);
            } finally {
                if (clean) {
                    node.stop();
                } else {
                    node.kill();
                }
            }
            lastSize = size;
        }
        table();
    }

    /** PostgreSQL: the same seeding and the in-process query timings and plans, one FactDesk throughout. */
    static void postgres(String url, Path data) {
        QueueBench bench = new QueueBench();
        Bench.heading("Queue on PostgreSQL: paged alternatives and plans (in-process, no HTTP)");
        try (InProcessFactDesk desk = InProcessFactDesk.postgres(data, url)) {
            boolean first = true;
            for (int size : Bench.QUEUE_SIZES) {
                if (size > Bench.PG_QUEUE_SIZE) {
                    break;
                }
                bench.seedTo(desk, size, first);
                first = false;
                bench.alternatives(desk, size, "pg");
                bench.lastSize = size;
            }
        }
    }

    /**
     * Whether to time, beside FactDesk's own queue, what a page would cost read through Camunda's TaskQuery or a
     * table built for the comparison (minutes at 100k, and they chose the design FactDesk has now): off unless asked.
     */
    static final boolean ALTERNATIVES = Boolean.getBoolean("scale.queue.alternatives");
    /** Unmeasured requests of each kind before the measured ones, so that the first size is not a cold start. */
    static final int WARMUP = Integer.getInteger("scale.queue.warmup", Bench.QUICK ? 5 : 30);
    /** Measured requests of each kind and size. */
    static final int MEASURED = Integer.getInteger("scale.queue.requests", Bench.QUICK ? 10 : 40);
    /** The API's p95 at the largest size must stay under this, and within {@link #RATIO} of the smallest size's. */
    static final double API_TARGET_MS = 50;
    static final double RATIO = 2.0;

    /** What is measured over HTTP at every size: the API and the page, as a desk asks for them. */
    record Read(String kind, String path) {
        boolean api() {
            return kind.equals("API");
        }
    }

    static final List<Read> READS = List.of(
            new Read("API", "/api/tasks"),
            new Read("API", "/api/tasks?tab=mine"),
            new Read("API", "/api/tasks?tab=unassigned"),
            new Read("API", "/api/tasks?tab=returned"),
            new Read("API", "/api/tasks?tab=overdue"),
            new Read("API", "/api/tasks?category=NAME"),
            new Read("API", "/api/tasks?sort=deadline"),
            new Read("API", "/api/tasks?page=10"),
            new Read("API", "/api/tasks?q=nowhereword"),
            new Read("page", "/tasks"),
            new Read("page", "/tasks?tab=unassigned"),
            new Read("page", "/tasks?category=NAME"),
            new Read("page", "/tasks?q=nowhereword&category=NAME&group=article"),
            new Read("page", "/tasks?step=Task_VerifyClaim&sort=deadline&group=article"));

    /** Each read's figures by size, for the table at the end. */
    private final java.util.Map<Read, java.util.Map<Integer, Samples>> figures = new java.util.LinkedHashMap<>();

    /** Claims flagged through FactDesk itself; the rest of each size is copied from them in SQL. */
    static final int TEMPLATE = Integer.getInteger("scale.queue.template", 1000);

    private void seedTo(InProcessFactDesk desk, int size, boolean first) {
        String db = desk.postgres ? "pg" : "h2";
        long open = desk.openVerifyTasks();
        int missing = (int) Math.max(0, Math.min(size, TEMPLATE) - open);
        if (missing > 0) {
            long t0 = System.nanoTime();
            desk.flag(missing, "farid");
            double seconds = (System.nanoTime() - t0) / 1e9;
            say("[%s] flagged %,d claims in-process through ClaimService.flag (claim, audit entry, review start) in "
                    + "%.1f s: %.1f claims/s, %.1f ms each, in transactions of 250", db, missing, seconds,
                    missing / Math.max(seconds, 1e-9), seconds * 1000 / Math.max(1, missing));
        }
        if (first) {
            // A few held tasks: fiona's own (in her queue) and farid's (not in it).
            desk.hold(USER, 20);
            desk.hold("farid", 20);
        }
        if (desk.openVerifyTasks() < size) {
            long t0 = System.nanoTime();
            int copies = desk.cloneTo(size);
            double seconds = (System.nanoTime() - t0) / 1e9;
            say("[%s] copied %,d open reviews in SQL from the flagged ones in %.1f s (%.0f/s)", db, copies, seconds,
                    copies / Math.max(seconds, 1e-9));
        }
        say("[%s] open Verify claim tasks now %,d", db, desk.openVerifyTasks());
    }

    private TaskQuery queueQuery(InProcessFactDesk desk, List<String> groups) {
        return desk.tasks.createTaskQuery().processDefinitionKey("ClaimReview")
                .or().taskAssignee(USER).taskCandidateGroupIn(groups).endOr()
                .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc();
    }

    /** Timings in the FactDesk JVM, with the engine's authorization checks as fiona as in a request. */
    private void alternatives(InProcessFactDesk desk, int size, String db) {
        List<String> groups = desk.groupsOf(USER);
        String tag = "[" + db + " " + String.format("%,d", size) + "]";
        desk.identity.setAuthentication(USER, groups);
        try {
            // What GET /api/tasks does today, step by step (ReviewTaskService.queue and views).
            boolean skipFull = lastFullMillis > 0 && lastFullMillis * size / Math.max(1, lastSize) > 120_000;
            if (skipFull) {
                say("%s today's full queue read in-process: skipped (%.0f ms at %,d extrapolates past 2 min)", tag,
                        lastFullMillis, lastSize);
            } else try {
                long t0 = System.nanoTime();
                List<Task> all = queueQuery(desk, groups).list();
                long t1 = System.nanoTime();
                Set<String> instances = all.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
                List<ProcessInstance> found = desk.runtime.createProcessInstanceQuery().processInstanceIds(instances)
                        .list();
                long t2 = System.nanoTime();
                long variables = desk.runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(instances.toArray(String[]::new)).variableName("articleId").list().size();
                long t3 = System.nanoTime();
                lastFullMillis = (t3 - t0) / 1e6;
                say("%s today's full queue read in-process: TaskQuery.list() %s (%,d tasks), process instances by "
                                + "%,d ids %s (%,d), articleId variables %s (%,d); total %s", tag, ms((t1 - t0) / 1e6),
                        all.size(), instances.size(), ms((t2 - t1) / 1e6), found.size(), ms((t3 - t2) / 1e6), variables,
                        ms(lastFullMillis));
            } catch (RuntimeException e) {
                lastFullMillis = InProcessFactDesk.QUERY_TIMEOUT_MS * 10.0;
                say("%s today's full queue read in-process: cancelled by the database after %d ms (%s)", tag,
                        InProcessFactDesk.QUERY_TIMEOUT_MS, rootMessage(e));
            }

            // (a) Camunda's TaskQuery, one page and the count.
            if (!camundaPaged(desk, groups, tag, db, size)) {
                return;
            }
        } finally {
            desk.identity.clearAuthentication();
        }
        projection(desk, tag, db, size, groups);
    }

    private boolean camundaPaged(InProcessFactDesk desk, List<String> groups, String tag, String db, int size) {
        if (camundaTimedOut) {
            say("%s (a) Camunda TaskQuery with authorization: skipped, it was cancelled at a smaller size", tag);
            desk.identity.clearAuthentication();
            projection(desk, tag, db, size, groups);
            return false;
        }
        try {
            Samples page = Bench.repeat(2, 20, 30, () -> queueQuery(desk, groups).listPage(0, PAGE));
            Samples count = Bench.repeat(1, 20, 30, () -> queueQuery(desk, groups).count());
            long total = queueQuery(desk, groups).count();
            Samples viewOfPage = Bench.repeat(1, 20, 20, () -> {
                List<Task> tasks = queueQuery(desk, groups).listPage(0, PAGE);
                Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
                desk.runtime.createProcessInstanceQuery().processInstanceIds(ids).list();
                desk.runtime.createVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
                        .variableName("articleId").list();
            });
            say("%s (a) Camunda TaskQuery as %s with authorization: listPage(0,%d) %s; count() %s (= %,d); page + its "
                    + "business keys and articleIds %s", tag, USER, PAGE, page, count, total, viewOfPage);
            List<String> sql = Plans.capture("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", () -> {
                queueQuery(desk, groups).listPage(0, PAGE);
                queueQuery(desk, groups).count();
            });
            for (int i = 0; i < sql.size(); i++) {
                String name = db + "-" + size + "-camunda-" + (i == 0 ? "page" : "count");
                String plan = Plans.save(name, sql.get(i), Plans.explain(desk.jdbc, desk.postgres, sql.get(i)));
                say("%s (a) plan of Camunda's %s query (target/scale-benchmark/plans/%s.txt):%n%s", tag,
                        i == 0 ? "page" : "count", name, indent(condense(plan)));
            }
        } catch (RuntimeException e) {
            camundaTimedOut = true;
            say("%s (a) Camunda TaskQuery as %s with authorization: cancelled by the database after %d ms (%s)", tag,
                    USER, InProcessFactDesk.QUERY_TIMEOUT_MS, rootMessage(e));
            try {
                List<String> sql = Plans.capture("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity",
                        () -> {
                            try {
                                queueQuery(desk, groups).listPage(0, PAGE);
                            } catch (RuntimeException cancelled) {
                                // only its statement is wanted
                            }
                        });
                if (!sql.isEmpty()) {
                    String name = db + "-" + size + "-camunda-page-estimate";
                    String plan = Plans.save(name, sql.get(0), String.join("\n", desk.jdbc.queryForList(
                            "EXPLAIN " + sql.get(0), String.class)));
                    say("%s (a) estimated plan (EXPLAIN without ANALYZE) of Camunda's page query:%n%s", tag,
                            indent(condense(plan)));
                }
            } catch (RuntimeException ignored) {
                say("%s (a) no plan either: %s", tag, rootMessage(ignored));
            }
        }
        desk.identity.clearAuthentication();
        Samples unauth = Bench.repeat(1, 10, 20, () -> queueQuery(desk, groups).listPage(0, PAGE));
        say("%s (a) the same listPage without an authenticated user (no authorization check): %s", tag, unauth);
        return true;
    }

    private boolean camundaTimedOut;

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage());
        return m.length() > 160 ? m.substring(0, 160) : m;
    }

    /**
     * (b) A FactDesk table with one row per open review task (what the listeners could keep in the step's own
     * transaction): claim, task, candidate group, holder, priority, deadline, and the claim's filter columns.
     */
    private void projection(InProcessFactDesk desk, String tag, String db, int size, List<String> groups) {
        var jdbc = desk.jdbc;
        jdbc.execute("DROP TABLE IF EXISTS bench_queue");
        long t0 = System.nanoTime();
        jdbc.execute("""
                CREATE TABLE bench_queue AS
                SELECT c.id AS claim_id, t.ID_ AS task_id, t.TASK_DEF_KEY_ AS task_key,
                    (SELECT MIN(l.GROUP_ID_) FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate')
                        AS candidate_group,
                    t.ASSIGNEE_ AS assignee, t.PRIORITY_ AS priority, t.DUE_DATE_ AS due_at, t.CREATE_TIME_ AS created_at,
                    c.article_id, c.category, c.severity, c.state
                FROM ACT_RU_TASK t
                JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
                JOIN claim c ON c.id = CAST(e.BUSINESS_KEY_ AS BIGINT)""");
        jdbc.execute("ALTER TABLE bench_queue ALTER COLUMN claim_id SET NOT NULL");
        jdbc.execute("ALTER TABLE bench_queue ADD PRIMARY KEY (claim_id)");
        say("%s (b) built bench_queue (%,d rows) in %s", tag,
                jdbc.queryForObject("SELECT COUNT(*) FROM bench_queue", Long.class), ms((System.nanoTime() - t0) / 1e6));
        String in = groups.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
        String columns = "claim_id, task_id, task_key, assignee, priority, due_at, article_id, category, severity, state";
        String order = " ORDER BY priority DESC, due_at ASC, claim_id";
        String both = " WHERE assignee = '" + USER + "' OR (assignee IS NULL AND candidate_group IN (" + in + "))";
        String unassigned = " WHERE candidate_group IN (" + in + ") AND assignee IS NULL";
        String mine = " WHERE assignee = '" + USER + "'";
        String[][] queries = {
                {"both-page", "SELECT " + columns + " FROM bench_queue" + both + order + " LIMIT " + PAGE},
                {"both-count", "SELECT COUNT(*) FROM bench_queue" + both},
                {"union-page", "SELECT * FROM ((SELECT " + columns + " FROM bench_queue" + mine + order + " LIMIT " + PAGE
                        + ") UNION ALL (SELECT " + columns + " FROM bench_queue" + unassigned + order + " LIMIT " + PAGE
                        + ")) q" + order + " LIMIT " + PAGE},
                {"unassigned-page", "SELECT " + columns + " FROM bench_queue" + unassigned + order + " LIMIT " + PAGE},
                {"unassigned-count", "SELECT COUNT(*) FROM bench_queue" + unassigned},
                {"mine-page", "SELECT " + columns + " FROM bench_queue" + mine + order + " LIMIT " + PAGE},
        };
        Set<String> planned = new HashSet<>(Set.of("both-page", "both-count", "union-page", "unassigned-page",
                "unassigned-count"));
        for (boolean indexed : new boolean[] {false, true}) {
            if (indexed) {
                jdbc.execute("CREATE INDEX bq_open ON bench_queue (candidate_group, assignee, priority DESC, due_at, claim_id)");
                jdbc.execute("CREATE INDEX bq_holder ON bench_queue (assignee, priority DESC, due_at, claim_id)");
                // H2 reads an index in order for ORDER BY ... LIMIT only when the index starts with the sort columns.
                jdbc.execute("CREATE INDEX bq_order ON bench_queue (priority DESC, due_at, claim_id)");
            }
            jdbc.execute(desk.postgres ? "ANALYZE bench_queue" : "ANALYZE");
            StringBuilder line = new StringBuilder();
            for (String[] q : queries) {
                Samples s = Bench.repeat(2, 20, 15, () -> jdbc.queryForList(q[1]));
                line.append(String.format("%n      %-16s %s", q[0], s));
            }
            say("%s (b) bench_queue %s:%s", tag, indexed
                    ? "with indexes bq_open (candidate_group, assignee, priority DESC, due_at, claim_id), bq_holder "
                            + "(assignee, priority DESC, due_at, claim_id), bq_order (priority DESC, due_at, claim_id)"
                    : "without indexes", line);
            if (indexed) {
                for (String[] q : queries) {
                    if (planned.contains(q[0])) {
                        String name = db + "-" + size + "-table-" + q[0];
                        say("%s (b) plan %s:%n%s", tag, q[0], indent(condense(Plans.save(name, q[1],
                                Plans.explain(jdbc, desk.postgres, q[1])))));
                    }
                }
            }
        }
        jdbc.execute("DROP TABLE bench_queue");
    }

    /**
     * The queue over HTTP from a FactDesk started from the jar, as fiona with HTTP Basic: each read warmed up, then
     * measured; at the largest size, the default API and page under JFR too. Returns false if a read timed out.
     */
    private boolean http(Node node, int size) {
        String tag = "[h2 " + String.format("%,d", size) + "]";
        Http.Answer firstAnswer;
        try {
            firstAnswer = node.http.get(USER, "/api/tasks");
        } catch (Http.TimedOut e) {
            say("%s GET /api/tasks: no answer within %d s (timed out; node killed afterwards)", tag,
                    Bench.REQUEST_TIMEOUT_SECONDS);
            return false;
        }
        say("%s GET /api/tasks: first answer after start %s: status %d, %d items, X-Total-Count %s, %s", tag,
                ms(firstAnswer.millis()), firstAnswer.status(), firstAnswer.json().size(),
                firstAnswer.header("X-Total-Count"), Bench.bytes(firstAnswer.bytes()));
        for (Read read : READS) {
            Samples s = measure(node, read.path());
            if (s == null) {
                say("%s GET %s: no answer within %d s (timed out)", tag, read.path(), Bench.REQUEST_TIMEOUT_SECONDS);
                return false;
            }
            figures.computeIfAbsent(read, r -> new java.util.LinkedHashMap<>()).put(size, s);
            say("%s %-4s GET %s: %s", tag, read.kind(), read.path(), s);
        }
        if (size == Bench.QUEUE_SIZES.get(Bench.QUEUE_SIZES.size() - 1) && Boolean.parseBoolean(
                System.getProperty("scale.queue.profile", "true"))) {
            for (String path : List.of("/api/tasks", "/tasks")) {
                profile(node, path, tag);
            }
        }
        return true;
    }

    /** {@code path} requested for ten seconds under JFR, its CPU samples summarised. */
    private static void profile(Node node, String path, String tag) {
        java.nio.file.Path recording = Bench.OUT.resolve("queue" + path.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        try {
            node.jcmd("JFR.start", "name=queue", "settings=profile");
            long end = System.nanoTime() + 10_000_000_000L;
            int n = 0;
            while (System.nanoTime() < end && n < 400) {
                node.http.measure(USER, path, Bench.REQUEST_TIMEOUT_SECONDS);
                n++;
            }
            node.jcmd("JFR.dump", "name=queue", "filename=" + recording.toAbsolutePath());
            node.jcmd("JFR.stop", "name=queue");
            Profile.summarise(recording, Profile.LIFECYCLE, tag + " GET " + path + " over " + n + " requests", 15);
        } catch (java.io.IOException | RuntimeException e) {
            say("%s no profile of %s: %s", tag, path, rootMessage(e));
        }
    }

    /** Warms the read up, then measures it; null when a request timed out. */
    private static Samples measure(Node node, String path) {
        long warm = System.nanoTime() + Bench.REQUEST_BUDGET_SECONDS * 1_000_000_000L;
        for (int i = 0; i < WARMUP && System.nanoTime() < warm; i++) {
            if (node.http.measure(USER, path, Bench.REQUEST_TIMEOUT_SECONDS) == null) {
                return null;
            }
        }
        Samples samples = new Samples();
        long end = System.nanoTime() + Bench.REQUEST_BUDGET_SECONDS * 1_000_000_000L;
        for (int i = 0; i < MEASURED && (i < 5 || System.nanoTime() < end); i++) {
            Http.Answer a = node.http.measure(USER, path, Bench.REQUEST_TIMEOUT_SECONDS);
            if (a == null) {
                return null;
            }
            samples.add(a.millis());
        }
        return samples;
    }

    /**
     * Every read's p50 and p95 per size, the ratio of its p95 at the largest size to that at the smallest, and
     * whether the targets hold: the API's p95 under 50 ms at the largest size and within 2x of the smallest; the
     * page within 2x.
     */
    private void table() {
        List<Integer> sizes = Bench.QUEUE_SIZES;
        int smallest = sizes.get(0);
        int largest = sizes.get(sizes.size() - 1);
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Queue summary as %s (%d warm-up requests, then %d measured; p50 / p95 in ms):%n", USER, WARMUP,
                MEASURED));
        out.append(String.format(java.util.Locale.ROOT, "      %-4s %-58s", "", "read"));
        for (int size : sizes) {
            out.append(String.format(java.util.Locale.ROOT, " %15s", String.format("%,d", size)));
        }
        out.append(String.format(java.util.Locale.ROOT, " %8s  %s%n", "p95 x", "target"));
        boolean allHold = true;
        for (Read read : READS) {
            java.util.Map<Integer, Samples> bySize = figures.getOrDefault(read, java.util.Map.of());
            out.append(String.format(java.util.Locale.ROOT, "      %-4s %-58s", read.kind(), read.path()));
            for (int size : sizes) {
                Samples s = bySize.get(size);
                out.append(String.format(java.util.Locale.ROOT, " %15s", s == null ? "-"
                        : String.format(java.util.Locale.ROOT, "%.1f / %.1f", s.p50(), s.p95())));
            }
            Samples small = bySize.get(smallest);
            Samples large = bySize.get(largest);
            if (small == null || large == null) {
                out.append(String.format(java.util.Locale.ROOT, " %8s  %s%n", "-", "not measured"));
                allHold = false;
                continue;
            }
            double ratio = large.p95() / small.p95();
            boolean ratioHolds = ratio <= RATIO;
            boolean underTarget = !read.api() || large.p95() < API_TARGET_MS;
            allHold &= ratioHolds && underTarget;
            out.append(String.format(java.util.Locale.ROOT, " %7.2fx  %s%n", ratio, (ratioHolds ? "holds" : "MISSED")
                    + " (within " + RATIO + "x)" + (read.api() ? "; " + (underTarget ? "holds" : "MISSED") + " (p95 "
                    + ms(large.p95()) + (underTarget ? " < " : " >= ") + ms(API_TARGET_MS) + ")" : "")));
        }
        out.append("      ").append(allHold ? "every target holds" : "not every target holds");
        say(out.toString());
    }

    /** H2's plans are long: keep the lines that say which index is used and how many rows were scanned. */
    static String condense(String plan) {
        if (!plan.contains("/*")) {
            return plan;
        }
        return plan.lines().map(String::strip).filter(l -> l.startsWith("/*") || l.startsWith("FROM")
                || l.startsWith("LEFT") || l.startsWith("INNER") || l.startsWith("JOIN") || l.startsWith("ORDER")
                || l.startsWith("WHERE") || l.startsWith("GROUP")).collect(Collectors.joining("\n"));
    }

    static String indent(String text) {
        return text.lines().map(l -> "      " + l).collect(Collectors.joining("\n"));
    }
}
