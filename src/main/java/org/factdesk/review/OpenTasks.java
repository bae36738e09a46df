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
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    /** Between a desk, a step, a category and a severity in the key of a pending size change. */
    private static final String KEY = "\u0000";
    /** review_queue_size's category or severity of a task that has none. */
    private static final String NO_KIND = "-";
    private static final String GROUP_HALF = UNHELD + " AND work_group IN (:groups)";

    static final String COLUMNS = "task_id, claim_id, article_id, step, name, work_group, holder, category, severity, "
            + "flagged_by, verified_by, returned, priority, due_at, created_at, escalated_at, report_id, search_text";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate savepoint;
    private volatile Boolean h2;

    OpenTasks(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        words(task.taskId(), task.searchText());
        if (task.holder() == null) {
            unheldChanged(sizeKey(task.workGroup(), task.step(),
                    task.category() == null ? null : task.category().name(),
                    task.severity() == null ? null : task.severity().name()), 1);
        }
    }

    /** The holder the table knows for a task: who held it before the change a listener is looking at. */
    Optional<String> holderOf(String taskId) {
        return jdbc.sql("SELECT holder FROM review_task WHERE task_id = ?").param(taskId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("holder"))).optional().flatMap(h -> h);
    }

    void hold(String taskId, String holder) {
        hold(taskId, holder, row(taskId));
    }

    /**
     * The same, with the task's row as this transaction read it just before ({@link #row}): a listener that read it
     * to decide the change does not read it again to count the change.
     */
    void hold(String taskId, String holder, Optional<Row> before) {
        jdbc.sql("UPDATE review_task SET holder = ? WHERE task_id = ?").params(holder, taskId).update();
        before.ifPresent(row -> {
            if (row.holder() == null && holder != null) {
                unheldChanged(row.sizeKey(), -1);
            } else if (row.holder() != null && holder == null) {
                unheldChanged(row.sizeKey(), 1);
            }
        });
    }

    /**
     * What a task listener needs of the task's row, in one read: its desk, step, holder and escalation, and the
     * category and severity its desk's count is kept under.
     */
    record Row(String workGroup, String step, String holder, boolean escalated, String category, String severity) {

        String sizeKey() {
            return OpenTasks.sizeKey(workGroup, step, category, severity);
        }
    }

    /** The task's row as the table has it now; empty for a task the table does not hold. */
    Optional<Row> row(String taskId) {
        return jdbc.sql("SELECT work_group, step, holder, escalated_at, category, severity FROM review_task "
                        + "WHERE task_id = ?")
                .param(taskId)
                .query((rs, n) -> new Row(rs.getString("work_group"), rs.getString("step"), rs.getString("holder"),
                        SqlTime.read(rs, "escalated_at") != null, rs.getString("category"), rs.getString("severity")))
                .optional();
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
        remove(taskId, row(taskId));
    }

    /** The same, with the row as this transaction read it just before ({@link #row}). */
    void remove(String taskId, Optional<Row> before) {
        jdbc.sql("DELETE FROM review_task_word WHERE task_id = ?").param(taskId).update();
        if (jdbc.sql("DELETE FROM review_task WHERE task_id = ?").param(taskId).update() == 1) {
            before.filter(row -> row.holder() == null).ifPresent(row -> unheldChanged(row.sizeKey(), -1));
        }
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
        jdbc.sql("DELETE FROM review_task_word WHERE task_id = ?").param(taskId).update();
        words(taskId, text);
    }

    /** Writes the words the search finds a task by (see {@link SearchWords}), each once. */
    private void words(String taskId, String text) {
        List<Object[]> rows = SearchWords.of(text).stream().map(word -> new Object[] {word, taskId}).toList();
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("INSERT INTO review_task_word (word, task_id) VALUES (?, ?)", rows);
        }
    }

    /** The words review_task_word holds for a task, in order (for tests to compare with its search text). */
    List<String> wordsOf(String taskId) {
        return jdbc.sql("SELECT word FROM review_task_word WHERE task_id = ? ORDER BY word").param(taskId)
                .query(String.class).list();
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
        jdbc.sql("DELETE FROM review_task_word").update();
        jdbc.sql("DELETE FROM review_task").update();
        pending().ifPresent(QueueSizeChanges::clear);
        jdbc.sql("UPDATE review_queue_size SET unheld = 0").update();
    }

    /**
     * Counts each desk's unheld tasks again from the table, per step, category and severity: on start, after anything
     * that wrote the table without FactDesk (a restore, a hand edit). The size rows are locked first, so a step that
     * commits meanwhile either committed before the count (and is in it) or adds its change after it; a first row that
     * a step makes meanwhile is set to the count, not added to.
     */
    void recountQueueSizes() {
        jdbc.sql("SELECT work_group FROM review_queue_size ORDER BY work_group, step, category, severity FOR UPDATE")
                .query(String.class).list();
        Map<String, Long> counted = new HashMap<>();
        jdbc.sql("SELECT work_group, step, category, severity, COUNT(*) AS unheld FROM review_task WHERE " + UNHELD
                        + " GROUP BY work_group, step, category, severity")
                .query(rs -> {
                    counted.merge(sizeKey(rs.getString("work_group"), rs.getString("step"), rs.getString("category"),
                            rs.getString("severity")), rs.getLong("unheld"), Long::sum);
                });
        jdbc.sql("SELECT work_group, step, category, severity FROM review_queue_size")
                .query((rs, row) -> sizeKey(rs.getString("work_group"), rs.getString("step"),
                        rs.getString("category"), rs.getString("severity")))
                .list().forEach(key -> counted.putIfAbsent(key, 0L));
        new java.util.TreeMap<>(counted).forEach((key, unheld) -> {
            String[] part = key.split(KEY, -1);
            if (jdbc.sql("UPDATE review_queue_size SET unheld = ? WHERE work_group = ? AND step = ? AND category = ? "
                    + "AND severity = ?").params(unheld, part[0], part[1], part[2], part[3]).update() > 0) {
                return;
            }
            try {
                savepoint.executeWithoutResult(status -> insertSize(part, unheld));
            } catch (DuplicateKeyException taken) {
                jdbc.sql("UPDATE review_queue_size SET unheld = ? WHERE work_group = ? AND step = ? "
                        + "AND category = ? AND severity = ?").params(unheld, part[0], part[1], part[2], part[3])
                        .update();
            }
        });
    }

    /** The unheld tasks of one desk, all steps, as review_queue_size keeps them (for tests to compare with the table). */
    long queueSize(String group) {
        return jdbc.sql("SELECT COALESCE(SUM(unheld), 0) FROM review_queue_size WHERE work_group = ?").param(group)
                .query(Long.class).single();
    }

    /**
     * The key of one size row: desk, step, category and severity; a task without a category or severity (a reader
     * report's triage) counts under {@link #NO_KIND}.
     */
    private static String sizeKey(String group, String step, String category, String severity) {
        return group + KEY + step + KEY + (category == null ? NO_KIND : category) + KEY
                + (severity == null ? NO_KIND : severity);
    }

    private void insertSize(String[] key, long unheld) {
        jdbc.sql("INSERT INTO review_queue_size (work_group, step, category, severity, unheld) VALUES (?, ?, ?, ?, ?)")
                .params(key[0], key[1], key[2], key[3], unheld).update();
    }

    /**
     * A change to a desk's unheld count, written when the transaction commits. Written then, and in the order of
     * the desks' names, the size rows are the last locks a step takes: the audit log appends its entries, and so takes
     * the chain's head, just before them (its synchronization's order), so two steps never wait for each other in a
     * circle.
     */
    private void unheldChanged(String key, long delta) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            applySizes(Map.of(key, delta));
            return;
        }
        QueueSizeChanges changes = pending().orElseGet(() -> {
            QueueSizeChanges created = new QueueSizeChanges();
            TransactionSynchronizationManager.registerSynchronization(created);
            return created;
        });
        changes.deltas.merge(key, delta, Long::sum);
    }

    /** This transaction's pending size changes, found among its synchronizations (an inner transaction has its own). */
    private Optional<QueueSizeChanges> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        return TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof QueueSizeChanges changes && changes.owner() == this)
                .map(QueueSizeChanges.class::cast).findFirst();
    }

    private void applySizes(Map<String, Long> deltas) {
        new java.util.TreeMap<>(deltas).forEach((key, delta) -> {
            if (delta == 0) {
                return;
            }
            String[] part = key.split(KEY, -1);
            if (addToSize(part, delta)) {
                return;
            }
            // The desk's first task of this step. Two steps may both find no row and insert it: the insert runs in
            // a savepoint, so the one that loses (on PostgreSQL too, where a failed statement spoils the
            // transaction) adds to the row the other made instead of failing its whole step.
            try {
                savepoint.executeWithoutResult(status -> insertSize(part, delta));
            } catch (DuplicateKeyException taken) {
                addToSize(part, delta);
            }
        });
    }

    private boolean addToSize(String[] key, long delta) {
        return jdbc.sql("UPDATE review_queue_size SET unheld = unheld + ? WHERE work_group = ? AND step = ? "
                + "AND category = ? AND severity = ?").params(delta, key[0], key[1], key[2], key[3]).update() > 0;
    }

    /** The size changes of one transaction, applied just before it commits. */
    private final class QueueSizeChanges implements TransactionSynchronization {

        private final Map<String, Long> deltas = new HashMap<>();

        OpenTasks owner() {
            return OpenTasks.this;
        }

        void clear() {
            deltas.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            applySizes(deltas);
            deltas.clear();
        }

        @Override
        public int getOrder() {
            // After everything else that writes before the commit.
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /** One page of a queue and how many tasks the whole queue holds. */
    record Slice(List<OpenTask> tasks, long total) {
    }

    /**
     * One page of {@code user}'s queue: the tasks they hold and, unless the tab says otherwise, their groups' unheld
     * tasks (for a desk lead, also the unheld tasks escalated to the desk leads), with the number of tasks the whole
     * queue holds. A task shows only to someone who may open it: in the group that works it, or, once it is
     * escalated, a desk lead.
     * <p>
     * Each half is counted first (a desk's unheld tasks, or those of one step, category or severity, from
     * {@code review_queue_size}: a sum of a few rows; any other filter on an index that holds it, a search on the
     * words' index), then its keys are read in queue order and cut at the page's end before the halves are merged.
     * A plain half (the person's groups' unheld tasks, or their own of those groups), unfiltered or of one kind, is
     * read one desk at a time from an index that begins with the desk (and the kind) and holds the queue order and
     * the id, so the page's keys come from the index alone; other halves choose by their count: most of the table
     * matches, so walk the queue-order index and stop at the page's end; or few rows match, so find them by their
     * filter and sort those few. Only the page's own rows are read then, by their keys.
     */
    Slice page(String user, List<String> groups, boolean deskLead, QueueQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        List<Half> halves = halves(user, groups, deskLead, query, now, params);
        long[] counts = new long[halves.size()];
        long total = 0;
        for (int i = 0; i < halves.size(); i++) {
            counts[i] = count(halves.get(i), groups, params);
            total += counts[i];
        }
        if (total <= query.offset()) {
            return new Slice(List.of(), total);
        }
        String order = order(query.sort());
        // The page's bounds are written into the statement, not bound: they are numbers FactDesk computed, and H2
        // reuses a derived table's rows across executions when its row limit is a parameter.
        long upTo = query.offset() + query.size();
        long rows = -1;
        StringBuilder sql = new StringBuilder("SELECT " + KEYS + " FROM (");
        boolean first = true;
        for (int i = 0; i < halves.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            Half half = halves.get(i);
            String desk = deskIndex(half, query);
            if (desk != null) {
                // A desk's unheld tasks, of one kind or all: each desk read from its own index in queue order, which
                // gives the keys without the rows, stopping at the page's end. The desk, holder and kind are one
                // value each in such a read, so ordering by them first is the queue order and lets the database
                // walk the index instead of sorting.
                for (int g = 0; g < groups.size(); g++) {
                    params.put("desk" + g, groups.get(g));
                    sql.append(first ? "" : " UNION ALL ").append("(SELECT ").append(KEYS).append(" FROM review_task")
                            .append(indexHint(desk)).append(" WHERE ")
                            .append(half.group() ? UNHELD : "holder = :user").append(" AND work_group = :desk")
                            .append(g).append(half.kinds()).append(" ORDER BY ")
                            .append(half.group() ? "work_group, holder, " : "holder, work_group, ")
                            .append(half.group() ? deskOrderPrefix(query) : "").append(order).append(" FETCH FIRST ")
                            .append(upTo).append(" ROWS ONLY)");
                    first = false;
                }
                continue;
            }
            String hint = "";
            // A half with no more matches than the page needs is read whole either way, so walking the order index
            // could stop no earlier: its filter's index finds them, and the table need not be counted to decide.
            if (half.group() && !half.byKind() && !half.searched() && counts[i] > upTo
                    && !orderHint(query.sort()).isEmpty()) {
                // Dense (one row in twenty or more of the table matches): walking the order index finds the page
                // within a few hundred rows. Sparse, or by kind (whose matches may all stand behind the other kinds
                // in queue order), or searched (the words' index finds the few): the filter's own index finds them,
                // and H2 sorts those.
                rows = rows < 0 ? count() : rows;
                hint = counts[i] * 20 >= rows ? orderHint(query.sort()) : "";
            }
            sql.append(first ? "" : " UNION ALL ").append("(SELECT ").append(KEYS).append(" FROM review_task")
                    .append(hint).append(" WHERE ").append(half.where()).append(" ORDER BY ").append(order)
                    .append(" FETCH FIRST ").append(upTo).append(" ROWS ONLY)");
            first = false;
        }
        sql.append(") queue ORDER BY ").append(order).append(" OFFSET ").append(query.offset())
                .append(" ROWS FETCH NEXT ").append(query.size()).append(" ROWS ONLY");
        // The page's keys first, its rows then: the rows of the pages before it are passed over in the indexes
        // without being read, and only the page's own rows are.
        List<String> ids = jdbc.sql(sql.toString()).params(params).query((rs, row) -> rs.getString("task_id")).list();
        if (ids.isEmpty()) {
            return new Slice(List.of(), total);
        }
        Map<String, OpenTask> byId = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM review_task WHERE task_id IN (:ids)").param("ids", ids).query(ROW)
                .list().forEach(task -> byId.put(task.taskId(), task));
        // A task that closed between the two reads is left out of the page.
        return new Slice(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList(), total);
    }

    /** What a page's first read takes of each task: its key and the columns of the queue order. */
    private static final String KEYS = "task_id, priority, due_at, created_at";

    /**
     * The index a plain half (a desk's unheld tasks, or the person's own of the desk) is read from in order, one desk
     * at a time: an unfiltered desk (or one filtered by step, which a desk works all or none of) in either order, or
     * one filtered by category or severity in priority order; null for any other half, which is read as before.
     */
    private static String deskIndex(Half half, QueueQuery query) {
        if (!half.single() || !half.sized()) {
            return null;
        }
        if (!half.group()) {
            // A person's own tasks of the desk: few, so a kind is checked on each as the index passes it.
            return query.sort() == QueueQuery.Sort.DEADLINE ? "review_task_holder_desk_deadline"
                    : "review_task_holder_desk_order";
        }
        if (query.sort() == QueueQuery.Sort.DEADLINE) {
            return half.byKind() ? null : "review_task_desk_deadline";
        }
        return query.category() != null ? "review_task_desk_category_order"
                : query.severity() != null ? "review_task_desk_severity_order" : "review_task_desk_order";
    }

    /** The kind column that stands before the queue order in the desk's index, as {@link #deskIndex} chose it. */
    private static String deskOrderPrefix(QueueQuery query) {
        if (query.sort() == QueueQuery.Sort.DEADLINE) {
            return "";
        }
        return query.category() != null ? "category, " : query.severity() != null ? "severity, " : "";
    }

    /** How many tasks the whole queue of {@link #page} holds, without reading any of them. */
    long count(String user, List<String> groups, boolean deskLead, QueueQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        long total = 0;
        for (Half half : halves(user, groups, deskLead, query, now, params)) {
            total += count(half, groups, params);
        }
        return total;
    }

    /**
     * One half of a queue: its WHERE clause; whether it is a desk's unheld half; whether only the step, category and
     * severity narrow it ({@code kinds}, which review_queue_size counts); whether it holds the unheld tasks escalated
     * to the desk leads; whether it is filtered by category or severity, which the routing decision turns into
     * priority, so that the matches cluster in queue order instead of spreading through it; whether it is a plain
     * desk half (a person's groups' unheld tasks, nothing escalated from elsewhere); and whether it is searched.
     */
    private record Half(String where, boolean group, boolean sized, boolean escalated, boolean byKind,
            boolean single, boolean searched, String kinds) {
    }

    private long count(Half half, List<String> groups, Map<String, Object> params) {
        if (half.group() && half.sized()) {
            // A desk's unheld tasks (of one step, category or severity when the query names them), as
            // review_queue_size keeps them; a desk lead's escalated ones of other desks are few, and counted on their
            // own index.
            Map<String, Object> size = new HashMap<>();
            size.put("groups", groups);
            StringBuilder where = new StringBuilder("work_group IN (:groups)");
            for (String kind : List.of("step", "category", "severity")) {
                if (params.get(kind) != null) {
                    size.put(kind, params.get(kind));
                    where.append(" AND ").append(kind).append(" = :").append(kind);
                }
            }
            long unheld = groups.isEmpty() ? 0 : jdbc.sql("SELECT COALESCE(SUM(unheld), 0) FROM review_queue_size "
                    + "WHERE " + where).params(size).query(Long.class).single();
            if (half.escalated()) {
                unheld += jdbc.sql("SELECT COUNT(*) FROM review_task WHERE " + UNHELD + " AND escalated_at IS NOT NULL"
                                + (groups.isEmpty() ? "" : " AND work_group NOT IN (:groups)") + half.kinds())
                        .params(size).query(Long.class).single();
            }
            return unheld;
        }
        return jdbc.sql("SELECT COUNT(*) FROM review_task WHERE " + half.where()).params(params).query(Long.class)
                .single();
    }

    /** The halves of the queue the tab asks for, with the filters. */
    private static List<Half> halves(String user, List<String> groups, boolean deskLead, QueueQuery query,
            Instant now, Map<String, Object> params) {
        // The step, category and severity, which review_queue_size counts; then every other filter.
        StringBuilder kinds = new StringBuilder();
        filter(kinds, params, "category", "category", query.category() == null ? null : query.category().name());
        filter(kinds, params, "severity", "severity", query.severity() == null ? null : query.severity().name());
        filter(kinds, params, "step", "step", query.step());
        StringBuilder filters = new StringBuilder();
        filter(filters, params, "article_id", "article", query.articleId());
        filter(filters, params, "claim_id", "claim", query.claimId());
        // Each word of the search is one more condition: a task is found when it has them all. Each is looked up in
        // the words' index, by its beginning (letters and digits only, so it is written into the statement as it
        // is); one with punctuation must also stand in the stored text as it is.
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            String prefix = SearchWords.prefix(words.get(i));
            if (prefix != null) {
                filters.append(" AND task_id IN (SELECT task_id FROM review_task_word WHERE word LIKE '")
                        .append(prefix).append("%')");
            }
            if (prefix == null || !SearchWords.isPlain(words.get(i))) {
                filters.append(" AND search_text LIKE :word").append(i).append(" ESCAPE '\\'");
                params.put("word" + i, "%" + likeEscaped(words.get(i)) + "%");
            }
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
        boolean sized = filters.isEmpty();
        boolean byKind = query.category() != null || query.severity() != null;
        boolean searched = !words.isEmpty();
        String kind = kinds.toString();
        String all = kinds.toString() + filters;
        if (!groups.isEmpty()) {
            params.put("groups", groups);
        }
        List<Half> halves = new ArrayList<>();
        if (query.tab() != QueueQuery.Tab.UNASSIGNED && (!groups.isEmpty() || deskLead)) {
            params.put("user", user);
            // Only what the holder may open: a task of one of their groups, or an escalated one for a desk lead.
            String may = groups.isEmpty() ? "escalated_at IS NOT NULL"
                    : deskLead ? "(work_group IN (:groups) OR escalated_at IS NOT NULL)" : "work_group IN (:groups)";
            halves.add(new Half("holder = :user AND " + may + all, false, sized, false, byKind,
                    !groups.isEmpty() && !deskLead, searched, kind));
        }
        if (query.tab() != QueueQuery.Tab.MINE) {
            // A desk lead's groups' half also holds every unheld task escalated to the desk leads.
            if (!groups.isEmpty() && deskLead) {
                halves.add(new Half(UNHELD + " AND (work_group IN (:groups) OR escalated_at IS NOT NULL)" + all,
                        true, sized, true, byKind, false, searched, kind));
            } else if (deskLead) {
                halves.add(new Half(UNHELD + " AND escalated_at IS NOT NULL" + all, true, sized, true, byKind, false,
                        searched, kind));
            } else if (!groups.isEmpty()) {
                halves.add(new Half(GROUP_HALF + all, true, sized, false, byKind, true, searched, kind));
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

    /** H2's table hint to read the index in this order; nothing on other databases, which find that plan themselves. */
    private String orderHint(QueueQuery.Sort sort) {
        if (h2 == null) {
            String product = jdbcTemplate.execute((Connection connection) ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT));
            h2 = product != null && product.contains("h2");
        }
        if (!h2) {
            return "";
        }
        return sort == QueueQuery.Sort.DEADLINE ? " USE INDEX (review_task_deadline_order)"
                : " USE INDEX (review_task_order)";
    }

    /** H2's table hint to read the named index; nothing on other databases. */
    private String indexHint(String index) {
        return orderHint(QueueQuery.Sort.PRIORITY).isEmpty() ? "" : " USE INDEX (" + index + ")";
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
