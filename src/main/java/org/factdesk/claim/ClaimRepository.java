package org.factdesk.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.TextAnchor;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes claims. */
@Repository
class ClaimRepository {

    private final JdbcClient jdbc;

    ClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long articleId, int revision, TextAnchor anchor, boolean all, int occurrences, Category category,
            Severity severity, String replacement, String note, String flaggedBy, String source, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim (article_id, revision, quote, start_index, end_index, prefix, suffix, all_occurrences,
                    occurrences, category, severity, replacement, note, state, flagged_by, source, flagged_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(articleId, revision, anchor.exact(), anchor.start(), anchor.end(), anchor.prefix(),
                        anchor.suffix(), all, occurrences, category.name(), severity.name(), replacement, note,
                        ClaimState.FLAGGED.name(), flaggedBy, source, SqlTime.of(at), SqlTime.of(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Claim> find(long id) {
        return jdbc.sql("SELECT * FROM claim WHERE id = ?").param(id).query(CLAIM).optional();
    }

    List<Claim> search(Long articleId, ClaimState state) {
        StringBuilder sql = new StringBuilder("SELECT * FROM claim WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (articleId != null) {
            sql.append(" AND article_id = ?");
            params.add(articleId);
        }
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.name());
        }
        sql.append(" ORDER BY id");
        return jdbc.sql(sql.toString()).params(params).query(CLAIM).list();
    }

    void updateState(long id, ClaimState state, String holder, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, held_by = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), holder, SqlTime.of(at), id).update();
    }

    void recordVerdict(long id, ClaimState state, String verdict, String verifiedBy, String replacement,
            String notice, String note, Instant at) {
        jdbc.sql("""
                UPDATE claim SET state = ?, verdict = ?, verified_by = ?, replacement = COALESCE(?, replacement),
                    notice = ?, verdict_note = ?, decision = NULL, decided_by = NULL, decision_comment = NULL,
                    held_by = NULL, updated_at = ?
                WHERE id = ?""")
                .params(state.name(), verdict, verifiedBy, replacement, notice, note, SqlTime.of(at), id).update();
    }

    void recordDecision(long id, ClaimState state, String decision, String decidedBy, String comment, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, decision = ?, decided_by = ?, decision_comment = ?, held_by = NULL, "
                        + "updated_at = ? WHERE id = ?")
                .params(state.name(), decision, decidedBy, comment, SqlTime.of(at), id).update();
    }

    void recordPublished(long id, int revision, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, published_revision = ?, updated_at = ? WHERE id = ?")
                .params(ClaimState.PUBLISHED.name(), revision, SqlTime.of(at), id).update();
    }

    private static final RowMapper<Claim> CLAIM = (rs, row) -> new Claim(
            rs.getLong("id"),
            rs.getLong("article_id"),
            rs.getInt("revision"),
            new TextAnchor(rs.getString("quote"), rs.getString("prefix"), rs.getString("suffix"),
                    rs.getInt("start_index"), rs.getInt("end_index")),
            rs.getBoolean("all_occurrences"),
            rs.getInt("occurrences"),
            Category.valueOf(rs.getString("category")),
            Severity.valueOf(rs.getString("severity")),
            rs.getString("replacement"),
            rs.getString("note"),
            ClaimState.valueOf(rs.getString("state")),
            rs.getString("held_by"),
            rs.getString("flagged_by"),
            rs.getString("source"),
            SqlTime.read(rs, "flagged_at"),
            rs.getString("verdict"),
            rs.getString("verified_by"),
            rs.getString("notice"),
            rs.getString("verdict_note"),
            rs.getString("decision"),
            rs.getString("decided_by"),
            rs.getString("decision_comment"),
            rs.getObject("published_revision", Integer.class),
            SqlTime.read(rs, "updated_at"));
}
