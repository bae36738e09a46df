package org.factdesk.review;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.factdesk.claim.Category;
import org.factdesk.claim.ReviewHolders;
import org.factdesk.claim.Severity;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * FactDesk's table of open review tasks, written by the task listeners in the engine's transaction (a task created,
 * taken, given back, completed or deleted changes its row in the same commit) and read by the queue and by the
 * claim, which asks who holds its task.
 */
@Repository
class OpenTasks implements ReviewHolders {

    /** How many claims one holders query asks about. */
    private static final int HOLDERS_SLICE = 500;

    private static final String UNHELD = "holder IS NULL";
    private static final String GROUP_HALF = UNHELD + " AND work_group IN (:groups)";

    static final String COLUMNS = "task_id, claim_id, article_id, step, name, work_group, holder, category, severity, "
            + "flagged_by, verified_by, returned, priority, due_at, created_at, escalated_at, report_id, search_text";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private volatile String orderHint;

    OpenTasks(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void insert(OpenTask task) {
        jdbc.sql("INSERT INTO review_task (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(task.taskId(), task.claimId(), task.articleId(), task.step(), task.name(), task.workGroup(),
                        task.holder(), task.category() == null ? null : task.category().name(),
                        task.severity() == null ? null : task.severity().name(), task.flaggedBy(),
                        task.verifiedBy(), task.returned(), task.priority(), SqlTime.of(task.due()),
                        SqlTime.of(task.created()), SqlTime.of(task.escalated()), task.reportId(),
                        task.searchText())
                .update();
    }

    /** The holder the table knows for a task: who held it before the change a listener is looking at. */
    Optional<String> holderOf(String taskId) {
        return jdbc.sql("SELECT holder FROM review_task WHERE task_id = ?").param(taskId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("holder"))).optional().flatMap(h -> h);
    }

    void hold(String taskId, String holder) {
        jdbc.sql("UPDATE review_task SET holder = ? WHERE task_id = ?").params(holder, taskId).update();
    }

    /** Records that the task's "due soon" reminder went out. */
    void reminded(String taskId, Instant at) {
        jdbc.sql("UPDATE review_task SET reminded_at = ? WHERE task_id = ?").params(SqlTime.of(at), taskId).update();
    }

    /**
     * Records that the task was escalated to the desk leads, with its raised priority; false if it was escalated
     * already or is no longer open, so that an escalation is recorded once.
     */
    boolean escalated(String taskId, int priority, Instant at) {
        return jdbc.sql("UPDATE review_task SET escalated_at = ?, priority = ? "
                + "WHERE task_id = ? AND escalated_at IS NULL")
                .params(SqlTime.of(at), priority, taskId).update() == 1;
    }

    /** Whether the task was escalated to the desk leads; false for a task the table does not hold. */
    boolean isEscalated(String taskId) {
        return jdbc.sql("SELECT escalated_at FROM review_task WHERE task_id = ?").param(taskId)
                .query((rs, row) -> SqlTime.read(rs, "escalated_at") != null).optional().orElse(false);
    }

    /** The open task of a claim, if it has one (a claim has at most one). */
    Optional<OpenTask> ofClaim(long claimId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE claim_id = ?").param(claimId).query(ROW)
                .optional();
    }

    /** How many of each desk's open tasks were due before {@code now}, for every desk that has any. */
    Map<String, Long> overdueByGroup(Instant now) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT work_group, COUNT(*) AS overdue FROM review_task WHERE due_at < ? GROUP BY work_group")
                .param(SqlTime.of(now))
                .query(rs -> {
                    counts.put(rs.getString("work_group"), rs.getLong("overdue"));
                });
        return counts;
    }

    /** How many of one desk's open tasks were due before {@code now}. */
    long overdue(String group, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM review_task WHERE work_group = ? AND due_at < ?")
                .params(group, SqlTime.of(now)).query(Long.class).single();
    }

    void remove(String taskId) {
        jdbc.sql("DELETE FROM review_task WHERE task_id = ?").param(taskId).update();
    }

    Optional<OpenTask> find(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE task_id = ?").param(taskId).query(ROW)
                .optional();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM review_task").query(Long.class).single();
    }

    /** How many rows have no search text: rows opened before the search existed, which a rebuild fills. */
    long unsearchable() {
        return jdbc.sql("SELECT COUNT(*) FROM review_task WHERE search_text IS NULL").query(Long.class).single();
    }

    /** Up to {@code limit} rows without search text. */
    List<OpenTask> unsearchable(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE search_text IS NULL ORDER BY task_id "
                + "FETCH FIRST " + limit + " ROWS ONLY").query(ROW).list();
    }

    void searchText(String taskId, String text) {
        jdbc.sql("UPDATE review_task SET search_text = ? WHERE task_id = ?").params(text, taskId).update();
    }

    /**
     * Locks the task's row until the transaction ends and answers its holder, so that two hand-overs of one task
     * take turns: the second sees who the first gave it to. Empty when the task is not open.
     */
    Optional<Optional<String>> lockHolder(String taskId) {
        return jdbc.sql("SELECT holder FROM review_task WHERE task_id = ? FOR UPDATE").param(taskId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("holder"))).optional();
    }

    /** The open task of a reader report's triage, if it has one. */
    Optional<OpenTask> ofReport(long reportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE report_id = ?").param(reportId).query(ROW)
                .optional();
    }

    void removeAll() {
        jdbc.sql("DELETE FROM review_task").update();
    }

    /**
     * One page of {@code user}'s queue: the tasks they hold and, unless the tab says otherwise, their groups' unheld
     * tasks. Each half is read on its own index in queue order and cut at the page's end before the two are merged,
     * so a page reads about as many rows as it shows (plus those of the pages before it).
     */
    List<OpenTask> queue(String user, List<String> groups, QueueQuery query, Instant now) {
        return queue(user, groups, false, query, now);
    }

    /** The same, for a desk lead too when {@code deskLead}: the unheld tasks escalated to the desk leads join it. */
    List<OpenTask> queue(String user, List<String> groups, boolean deskLead, QueueQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        List<String> halves = halves(user, groups, deskLead, query, now, params);
        if (halves.isEmpty()) {
            return List.of();
        }
        String order = order(query.sort());
        // The page's bounds are written into the statement, not bound: they are numbers FactDesk computed, and H2
        // reuses a derived table's rows across executions when its row limit is a parameter.
        long upTo = query.offset() + query.size();
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        for (int i = 0; i < halves.size(); i++) {
            // A group's half matches most of the table: read it in queue order and stop at the page's end. PostgreSQL
            // finds that plan itself; H2 sorts unless told which index to read.
            boolean groupHalf = halves.get(i).startsWith(UNHELD);
            sql.append(i == 0 ? "" : " UNION ALL ").append("(SELECT ").append(COLUMNS).append(" FROM review_task")
                    .append(groupHalf && query.sort() == QueueQuery.Sort.PRIORITY ? orderHint() : "")
                    .append(" WHERE ").append(halves.get(i)).append(" ORDER BY ").append(order)
                    .append(" FETCH FIRST ").append(upTo).append(" ROWS ONLY)");
        }
        sql.append(") queue ORDER BY ").append(order).append(" OFFSET ").append(query.offset())
                .append(" ROWS FETCH NEXT ").append(query.size()).append(" ROWS ONLY");
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    /** How many tasks the whole queue of {@link #queue} holds. */
    long count(String user, List<String> groups, QueueQuery query, Instant now) {
        return count(user, groups, false, query, now);
    }

    long count(String user, List<String> groups, boolean deskLead, QueueQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        List<String> halves = halves(user, groups, deskLead, query, now, params);
        if (halves.isEmpty()) {
            return 0;
        }
        String sql = halves.stream().map(where -> "(SELECT COUNT(*) FROM review_task WHERE " + where + ")")
                .collect(Collectors.joining(" + ", "SELECT ", ""));
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The WHERE clause of each half of the queue the tab asks for, with the filters. */
    private static List<String> halves(String user, List<String> groups, boolean deskLead, QueueQuery query,
            Instant now, Map<String, Object> params) {
        StringBuilder filters = new StringBuilder();
        filter(filters, params, "article_id", "article", query.articleId());
        filter(filters, params, "claim_id", "claim", query.claimId());
        filter(filters, params, "category", "category", query.category() == null ? null : query.category().name());
        filter(filters, params, "severity", "severity", query.severity() == null ? null : query.severity().name());
        filter(filters, params, "step", "step", query.step());
        // Each word of the search is one more condition on the stored text: a task is found when it has them all.
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            filters.append(" AND search_text LIKE :word").append(i).append(" ESCAPE '\\'");
            params.put("word" + i, "%" + likeEscaped(words.get(i)) + "%");
        }
        if (query.dueBefore() != null) {
            filters.append(" AND due_at < :dueBefore");
            params.put("dueBefore", SqlTime.of(query.dueBefore()));
        }
        switch (query.tab()) {
            case RETURNED -> filters.append(" AND returned = TRUE");
            case OVERDUE -> {
                filters.append(" AND due_at < :now");
                params.put("now", SqlTime.of(now));
            }
            default -> {
            }
        }
        List<String> halves = new ArrayList<>();
        if (query.tab() != QueueQuery.Tab.UNASSIGNED) {
            params.put("user", user);
            halves.add("holder = :user" + filters);
        }
        if (query.tab() != QueueQuery.Tab.MINE) {
            if (!groups.isEmpty()) {
                params.put("groups", groups);
            }
            // A desk lead's groups' half also holds every unheld task escalated to the desk leads.
            if (!groups.isEmpty() && deskLead) {
                halves.add(UNHELD + " AND (work_group IN (:groups) OR escalated_at IS NOT NULL)" + filters);
            } else if (deskLead) {
                halves.add(UNHELD + " AND escalated_at IS NOT NULL" + filters);
            } else if (!groups.isEmpty()) {
                halves.add(GROUP_HALF + filters);
            }
        }
        return halves;
    }

    private static void filter(StringBuilder filters, Map<String, Object> params, String column, String name,
            Object value) {
        if (value != null) {
            filters.append(" AND ").append(column).append(" = :").append(name);
            params.put(name, value);
        }
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** H2's table hint to read the queue-order index; nothing on other databases. */
    private String orderHint() {
        if (orderHint == null) {
            String product = jdbcTemplate.execute((Connection connection) ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT));
            orderHint = product != null && product.contains("h2") ? " USE INDEX (review_task_order)" : "";
        }
        return orderHint;
    }

    private static String order(QueueQuery.Sort sort) {
        return switch (sort) {
            case PRIORITY -> "priority DESC, due_at, created_at, task_id";
            case DEADLINE -> "due_at, priority DESC, created_at, task_id";
        };
    }

    /** How many review tasks are open, and how many of them are past their due time. */
    long[] backlogCounts(Instant now) {
        return jdbc.sql("SELECT COUNT(*) AS open_tasks, COALESCE(SUM(CASE WHEN due_at < ? THEN 1 ELSE 0 END), 0) "
                        + "AS overdue FROM review_task")
                .param(SqlTime.of(now))
                .query((rs, row) -> new long[] {rs.getLong("open_tasks"), rs.getLong("overdue")}).single();
    }

    /** The {@code limit} tasks longest past their due time, oldest deadline first. */
    List<OpenTask> overdue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE due_at < ? ORDER BY due_at, task_id "
                        + "FETCH FIRST " + limit + " ROWS ONLY")
                .param(SqlTime.of(now)).query(ROW).list();
    }

    @Override
    public Map<Long, String> holders(Collection<Long> claimIds) {
        Map<Long, String> holders = new HashMap<>();
        if (claimIds.isEmpty()) {
            return holders;
        }
        // In slices: H2 tests a long IN list value by value on every row it reads (an article's desk page with
        // thousands of open claims spent half its time there), and PostgreSQL takes at most 32,767 parameters.
        List<Long> ids = List.copyOf(claimIds);
        for (int from = 0; from < ids.size(); from += HOLDERS_SLICE) {
            jdbc.sql("SELECT claim_id, holder FROM review_task WHERE holder IS NOT NULL AND claim_id IN (:claims)")
                    .param("claims", ids.subList(from, Math.min(ids.size(), from + HOLDERS_SLICE)))
                    .query(rs -> {
                        holders.put(rs.getLong("claim_id"), rs.getString("holder"));
                    });
        }
        return holders;
    }

    @Override
    public java.util.Set<Long> heldClaims(Long articleId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT claim_id FROM review_task WHERE holder IS NOT NULL "
                        + "AND claim_id IS NOT NULL" + (articleId == null ? "" : " AND article_id = :article"))
                .params(articleId == null ? Map.of() : Map.of("article", articleId)).query(Long.class).list());
    }

    static final RowMapper<OpenTask> ROW = (rs, row) -> new OpenTask(rs.getString("task_id"),
            rs.getObject("claim_id", Long.class), rs.getLong("article_id"), rs.getString("step"), rs.getString("name"),
            rs.getString("work_group"), rs.getString("holder"),
            rs.getString("category") == null ? null : Category.valueOf(rs.getString("category")),
            rs.getString("severity") == null ? null : Severity.valueOf(rs.getString("severity")),
            rs.getString("flagged_by"), rs.getString("verified_by"), rs.getBoolean("returned"), rs.getInt("priority"),
            SqlTime.read(rs, "due_at"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "escalated_at"),
            rs.getObject("report_id", Long.class), rs.getString("search_text"));
}
