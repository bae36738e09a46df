package org.factdesk.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.CorrectionKind;
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

    /** Stores a new claim, state FLAGGED; returns its id. */
    long insert(long articleId, int revision, Claim.Flag flag, String replacement) {
        TextAnchor anchor = flag.anchor();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO claim (article_id, revision, quote, start_index, end_index, prefix, suffix, all_occurrences,
                    occurrences, category, severity, replacement, note, state, flagged_by, source, flagged_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(articleId, revision, anchor.exact(), anchor.start(), anchor.end(), anchor.prefix(),
                        anchor.suffix(), flag.allOccurrences(), flag.occurrences(), flag.category().name(),
                        flag.severity().name(), replacement, flag.note(), ClaimState.FLAGGED.name(), flag.by(),
                        flag.source(), SqlTime.of(flag.at()), SqlTime.of(flag.at()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<Claim> find(long id) {
        return jdbc.sql("SELECT * FROM claim WHERE id = ?").param(id).query(CLAIM).optional();
    }

    List<Claim> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM claim WHERE id IN (:ids)").param("ids", ids).query(CLAIM).list();
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

    void updateState(long id, ClaimState state, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), SqlTime.of(at), id).update();
    }

    /** A new verdict starts a new round: the editor's and the lawyer's decisions of an earlier one are cleared. */
    void recordVerdict(long id, ClaimState state, Claim.Verification verification, String replacement,
            CorrectionKind kind, Instant at) {
        jdbc.sql("""
                UPDATE claim SET state = ?, verdict = ?, verified_by = ?, replacement = COALESCE(?, replacement),
                    notice = ?, verdict_note = ?, kind = ?, decision = NULL, decided_by = NULL, decision_comment = NULL,
                    legal_decision = NULL, legal_by = NULL, legal_notice = NULL, legal_comment = NULL,
                    edited_by = NULL, updated_at = ?
                WHERE id = ?""")
                .params(state.name(), verification.verdict().name(), verification.by(), replacement,
                        verification.notice(), verification.note(), kind == null ? null : kind.name(),
                        SqlTime.of(at), id)
                .update();
    }

    void recordDecision(long id, ClaimState state, Claim.Approval approval, CorrectionKind kind, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, decision = ?, decided_by = ?, decision_comment = ?, kind = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(state.name(), approval.decision().name(), approval.by(), approval.comment(),
                        kind == null ? null : kind.name(), SqlTime.of(at), id)
                .update();
    }

    /** The editor's own notice and corrected words, written over the fact-checker's (the audit log keeps both). */
    void recordEdit(long id, String notice, String replacement, String editedBy, Instant at) {
        jdbc.sql("UPDATE claim SET notice = ?, replacement = ?, edited_by = ?, updated_at = ? WHERE id = ?")
                .params(notice, replacement, editedBy, SqlTime.of(at), id)
                .update();
    }

    void recordLegal(long id, ClaimState state, Claim.Legal legal, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, legal_decision = ?, legal_by = ?, legal_notice = ?, legal_comment = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(state.name(), legal.decision().name(), legal.by(), legal.notice(), legal.comment(),
                        SqlTime.of(at), id)
                .update();
    }

    void recordPublished(long id, int revision, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, published_revision = ?, updated_at = ? WHERE id = ?")
                .params(ClaimState.PUBLISHED.name(), revision, SqlTime.of(at), id).update();
    }

    private static final RowMapper<Claim> CLAIM = (rs, row) -> {
        Claim.Flag flag = new Claim.Flag(
                new TextAnchor(rs.getString("quote"), rs.getString("prefix"), rs.getString("suffix"),
                        rs.getInt("start_index"), rs.getInt("end_index")),
                rs.getBoolean("all_occurrences"), rs.getInt("occurrences"),
                Category.valueOf(rs.getString("category")), Severity.valueOf(rs.getString("severity")),
                rs.getString("note"), rs.getString("flagged_by"), rs.getString("source"),
                SqlTime.read(rs, "flagged_at"));
        String verdict = rs.getString("verdict");
        Claim.Verification verification = verdict == null ? null : new Claim.Verification(Verdict.valueOf(verdict),
                rs.getString("verified_by"), rs.getString("notice"), rs.getString("verdict_note"));
        String decision = rs.getString("decision");
        Claim.Approval approval = decision == null ? null : new Claim.Approval(Decision.valueOf(decision),
                rs.getString("decided_by"), rs.getString("decision_comment"));
        String kind = rs.getString("kind");
        String legalDecision = rs.getString("legal_decision");
        Claim.Legal legal = legalDecision == null ? null : new Claim.Legal(LegalDecision.valueOf(legalDecision),
                rs.getString("legal_by"), rs.getString("legal_notice"), rs.getString("legal_comment"));
        return new Claim(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("revision"), flag,
                rs.getString("replacement"), ClaimState.valueOf(rs.getString("state")), null,
                verification, approval, rs.getObject("published_revision", Integer.class),
                SqlTime.read(rs, "updated_at"), kind == null ? null : CorrectionKind.valueOf(kind), legal,
                rs.getString("edited_by"));
    };
}
