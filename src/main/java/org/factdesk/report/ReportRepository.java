package org.factdesk.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.TextAnchor;
import org.factdesk.shared.Paging;
import org.factdesk.shared.SqlFilter;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes reader reports. */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long articleId, int revision, TextAnchor anchor, String problem, String email, Instant consentedAt,
            String tokenHash, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reader_report (article_id, revision, quote, start_index, end_index, prefix, suffix,
                    problem, email, consented_at, erasure_token, state, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(articleId, revision, anchor.exact(), anchor.start(), anchor.end(), anchor.prefix(),
                        anchor.suffix(), problem, email, SqlTime.of(consentedAt), tokenHash,
                        ReportState.OPEN.name(), SqlTime.of(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ReaderReport> find(long id) {
        return jdbc.sql("SELECT * FROM reader_report WHERE id = ?").param(id).query(REPORT).optional();
    }

    /** The report, locked until the transaction ends, so two triages or an erasure and a triage queue up. */
    Optional<ReaderReport> lock(long id) {
        return jdbc.sql("SELECT * FROM reader_report WHERE id = ? FOR UPDATE").param(id).query(REPORT).optional();
    }

    Optional<Long> idOfToken(String tokenHash) {
        return jdbc.sql("SELECT id FROM reader_report WHERE erasure_token = ?").param(tokenHash).query(Long.class)
                .optional();
    }

    /** One page of the reports on an article (or all) in a state (or any), oldest first. */
    List<ReaderReport> search(Long articleId, ReportState state, Paging paging) {
        SqlFilter filter = filter(articleId, state);
        return jdbc.sql("SELECT * FROM reader_report" + filter.sql() + " ORDER BY id" + paging.sql())
                .params(filter.params()).query(REPORT).list();
    }

    /** How many reports {@link #search} pages through. */
    long count(Long articleId, ReportState state) {
        SqlFilter filter = filter(articleId, state);
        return jdbc.sql("SELECT COUNT(*) FROM reader_report" + filter.sql()).params(filter.params())
                .query(Long.class).single();
    }

    private static SqlFilter filter(Long articleId, ReportState state) {
        return new SqlFilter().equal("article_id", articleId).equal("state", state);
    }

    /** Moves an open report on; false when it was no longer open (someone else triaged it first). */
    boolean triage(long id, ReportState state, Long claimId, String by, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE reader_report SET state = ?, claim_id = ?, triaged_by = ?, dismiss_reason = ?, triaged_at = ?
                WHERE id = ? AND state = ?""")
                .params(state.name(), claimId, by, reason, SqlTime.of(at), id, ReportState.OPEN.name())
                .update() == 1;
    }

    /** The reports that led to this claim, with the email of those whose reader consented and was not told yet. */
    List<Resolvable> resolvable(long claimId) {
        return jdbc.sql("""
                SELECT id, article_id, email FROM reader_report
                WHERE claim_id = ? AND state IN (?, ?) AND resolved_at IS NULL FOR UPDATE""")
                .params(claimId, ReportState.ACCEPTED.name(), ReportState.MERGED.name())
                .query((rs, row) -> new Resolvable(rs.getLong("id"), rs.getLong("article_id"), rs.getString("email")))
                .list();
    }

    record Resolvable(long id, long articleId, String email) {
    }

    void resolved(long id, Instant at) {
        jdbc.sql("UPDATE reader_report SET resolved_at = ?, email = NULL, consented_at = NULL WHERE id = ?")
                .params(SqlTime.of(at), id).update();
    }

    /** Erases the emails of the reports that became or joined this claim. */
    void eraseEmailsOfClaim(long claimId) {
        jdbc.sql("UPDATE reader_report SET email = NULL, consented_at = NULL WHERE claim_id = ? AND email IS NOT NULL")
                .param(claimId).update();
    }

    void eraseEmail(long id) {
        jdbc.sql("UPDATE reader_report SET email = NULL, consented_at = NULL WHERE id = ?").param(id).update();
    }

    /** Forgets what the reader wrote and how to reach them; the quote (the article's own public words) stays. */
    void erase(long id, Instant at) {
        jdbc.sql("UPDATE reader_report SET email = NULL, consented_at = NULL, problem = NULL, erased_at = ? WHERE id = ?")
                .params(SqlTime.of(at), id).update();
    }

    private static final RowMapper<ReaderReport> REPORT = (rs, row) -> new ReaderReport(rs.getLong("id"),
            rs.getLong("article_id"), rs.getInt("revision"),
            new TextAnchor(rs.getString("quote"), rs.getString("prefix"), rs.getString("suffix"),
                    rs.getInt("start_index"), rs.getInt("end_index")),
            rs.getString("problem"), rs.getString("email") != null, ReportState.valueOf(rs.getString("state")),
            rs.getObject("claim_id", Long.class), rs.getString("triaged_by"), rs.getString("dismiss_reason"),
            SqlTime.read(rs, "filed_at"), SqlTime.read(rs, "triaged_at"), SqlTime.read(rs, "erased_at"));
}
