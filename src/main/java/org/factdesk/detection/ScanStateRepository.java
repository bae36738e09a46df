package org.factdesk.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleService;
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

    private final JdbcClient jdbc;
    private final ArticleService articles;

    ScanStateRepository(JdbcClient jdbc, ArticleService articles) {
        this.jdbc = jdbc;
        this.articles = articles;
    }

    Optional<ScanState> find(long articleId) {
        return jdbc.sql("SELECT article_id, revision, outcome, failures, scanned_at FROM scan_state WHERE article_id = ?")
                .param(articleId).query(ROW).optional();
    }

    /**
     * The articles to scan on start, oldest first: those whose current revision has no finished scan, unless its scan
     * has failed too often. The articles' revisions come from the article feature, the scans from here.
     */
    List<Long> needingScan() {
        Map<Long, ScanState> scanned = jdbc.sql("SELECT article_id, revision, outcome, failures, scanned_at "
                + "FROM scan_state").query(ROW).list().stream()
                .collect(Collectors.toMap(ScanState::articleId, Function.identity()));
        return articles.list().stream()
                .filter(article -> needsScan(article.currentRevision(), scanned.get(article.id())))
                .map(Article::id).sorted().toList();
    }

    boolean needsScan(long articleId) {
        return needsScan(articles.get(articleId).currentRevision(), find(articleId).orElse(null));
    }

    private static boolean needsScan(int currentRevision, ScanState state) {
        return state == null || state.revision() < currentRevision || state.revision() == currentRevision
                && state.outcome() != Outcome.SCANNED && state.failures() < MAX_FAILURES;
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
