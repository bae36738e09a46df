package org.factdesk.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each desk's backlog state, one row per group in {@code review_backlog}: whether its alert is raised. A check locks
 * the desk's row for its whole transaction, so checks on several nodes take turns on it and the second one sees what
 * the first decided.
 */
@Repository
class DeskBacklogs {

    /** A desk's state as the last check left it. */
    record State(String group, boolean alerting, long overdue, Instant checkedAt, Instant alertedAt) {
    }

    private final JdbcClient jdbc;

    DeskBacklogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The desk's state, its row locked until the transaction ends; empty if the desk has no row yet. */
    Optional<State> lock(String group) {
        return jdbc.sql("SELECT work_group, alerting, overdue, checked_at, alerted_at FROM review_backlog "
                + "WHERE work_group = ? FOR UPDATE").param(group).query((rs, row) -> new State(
                rs.getString("work_group"), rs.getBoolean("alerting"), rs.getLong("overdue"),
                SqlTime.read(rs, "checked_at"), SqlTime.read(rs, "alerted_at"))).optional();
    }

    /** A row for a desk the migration did not know (a step added to the model later). */
    void create(String group) {
        jdbc.sql("INSERT INTO review_backlog (work_group, alerting, overdue) SELECT ?, FALSE, 0 "
                + "WHERE NOT EXISTS (SELECT 1 FROM review_backlog WHERE work_group = ?)")
                .params(group, group).update();
    }

    void save(String group, boolean alerting, long overdue, Instant checkedAt, Instant alertedAt) {
        jdbc.sql("UPDATE review_backlog SET alerting = ?, overdue = ?, checked_at = ?, alerted_at = ? "
                + "WHERE work_group = ?")
                .params(alerting, overdue, SqlTime.of(checkedAt), SqlTime.of(alertedAt), group).update();
    }

    /** Every desk's state, without locking. */
    Map<String, State> all() {
        Map<String, State> states = new HashMap<>();
        jdbc.sql("SELECT work_group, alerting, overdue, checked_at, alerted_at FROM review_backlog")
                .query(rs -> {
                    states.put(rs.getString("work_group"), new State(rs.getString("work_group"),
                            rs.getBoolean("alerting"), rs.getLong("overdue"), SqlTime.read(rs, "checked_at"),
                            SqlTime.read(rs, "alerted_at")));
                });
        return states;
    }
}
