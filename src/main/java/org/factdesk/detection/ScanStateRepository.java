package org.factdesk.detection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes each article's scan state: the revision its last scan read and how that scan ended, so that a scan
 * lost to a crash, a restart or a full queue is found on the next start.
 */
@Repository
class ScanStateRepository {

    /**
     * Unfinished scans of one revision after which the start-up re-run gives up on it: a text that cannot be scanned
     * within the time limit is not scanned again on every start, only when a correction changes it or someone asks.
     */
    static final int MAX_FAILURES = 3;

    /** How a scan ended. */
    enum Outcome { SCANNED, TIMED_OUT, FAILED }

    /** An article's last scan. */
    record ScanState(long articleId, int revision, Outcome outcome, int failures, Instant scannedAt) {
    }

    private static final RowMapper<ScanState> ROW = (rs, n) -> new ScanState(rs.getLong("article_id"),
            rs.getInt("revision"), Outcome.valueOf(rs.getString("outcome")), rs.getInt("failures"),
            SqlTime.read(rs, "scanned_at"));

    /** Articles whose current revision has no finished scan, and whose scan has not failed too often. */
    private static final String NEEDING_SCAN = "SELECT a.id FROM article a LEFT JOIN scan_state s ON s.article_id = a.id "
            + "WHERE (s.article_id IS NULL OR s.revision < a.current_revision "
            + "OR (s.revision = a.current_revision AND s.outcome <> 'SCANNED' AND s.failures < ?))";

    private final JdbcClient jdbc;

    ScanStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScanState> find(long articleId) {
        return jdbc.sql("SELECT article_id, revision, outcome, failures, scanned_at FROM scan_state WHERE article_id = ?")
                .param(articleId).query(ROW).optional();
    }

    /** The articles to scan on start, oldest first. */
    List<Long> needingScan() {
        return jdbc.sql(NEEDING_SCAN + " ORDER BY a.id").param(MAX_FAILURES).query(Long.class).list();
    }

    boolean needsScan(long articleId) {
        return !jdbc.sql(NEEDING_SCAN + " AND a.id = ?").params(MAX_FAILURES, articleId).query(Long.class).list()
                .isEmpty();
    }

    /**
     * Records how a scan of {@code revision} ended. The caller holds the article's row lock, so two scans of one article
     * record one after the other. A scan of an older revision than the one recorded changes nothing, and an unfinished
     * scan of a revision already scanned keeps the finished one (its suggestions are stored) but counts.
     */
    void record(long articleId, int revision, Outcome outcome, Instant at) {
        Optional<ScanState> last = find(articleId);
        if (last.isEmpty()) {
            jdbc.sql("INSERT INTO scan_state (article_id, revision, outcome, failures, scanned_at) VALUES (?, ?, ?, ?, ?)")
                    .params(articleId, revision, outcome.name(), outcome == Outcome.SCANNED ? 0 : 1, SqlTime.of(at))
                    .update();
            return;
        }
        ScanState state = last.get();
        if (revision < state.revision()) {
            return;
        }
        Outcome next = outcome;
        int failures;
        if (outcome == Outcome.SCANNED) {
            failures = 0;
        } else if (revision > state.revision()) {
            failures = 1;
        } else {
            failures = state.failures() + 1;
            next = state.outcome() == Outcome.SCANNED ? Outcome.SCANNED : outcome;
        }
        jdbc.sql("UPDATE scan_state SET revision = ?, outcome = ?, failures = ?, scanned_at = ? WHERE article_id = ?")
                .params(revision, next.name(), failures, SqlTime.of(at), articleId)
                .update();
    }
}
