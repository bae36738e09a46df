package org.factdesk.claim;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.factdesk.article.CorrectionKind;
import org.factdesk.article.TextAnchor;
import org.factdesk.shared.Paging;
import org.factdesk.shared.SqlFilter;
import org.factdesk.shared.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes claims. */
@Repository
class ClaimRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate nested;

    ClaimRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Stores a new claim, state FLAGGED, and returns its id; empty when an open claim of the article already holds
     * the same place (the unique {@code open_place}). The insert runs in a savepoint so that, on PostgreSQL too, the
     * transaction can still read which claim won.
     */
    OptionalLong insert(long articleId, int revision, Claim.Flag flag, String replacement) {
        TextAnchor anchor = flag.anchor();
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            nested.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO claim (article_id, revision, quote, start_index, end_index, prefix, suffix,
                        all_occurrences, occurrences, category, severity, replacement, note, state, flagged_by, source,
                        flagged_at, updated_at, open_place)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(articleId, revision, anchor.exact(), anchor.start(), anchor.end(), anchor.prefix(),
                            anchor.suffix(), flag.allOccurrences(), flag.occurrences(), flag.category().name(),
                            flag.severity().name(), replacement, flag.note(), ClaimState.FLAGGED.name(), flag.by(),
                            flag.source(), SqlTime.of(flag.at()), SqlTime.of(flag.at()),
                            revision + ":" + anchor.start() + ":" + anchor.end())
                    .update(keys, "id"));
        } catch (DuplicateKeyException taken) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(keys.getKeyAs(Long.class));
    }

    /** A closed claim gives its place up: the same words can be flagged again. */
    private void release(long id, ClaimState state) {
        if (!state.isOpen()) {
            jdbc.sql("UPDATE claim SET open_place = NULL WHERE id = ?").param(id).update();
        }
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
        SqlFilter filter = filter(articleId, state, null, null);
        return jdbc.sql("SELECT * FROM claim" + filter.sql() + " ORDER BY id").params(filter.params()).query(CLAIM)
                .list();
    }

    /**
     * One page of the claims of an article (or of all) in a stored state (or any), oldest first; {@code only} keeps
     * just these ids and {@code except} leaves these out (null: no such filter).
     */
    List<Claim> page(Long articleId, ClaimState state, Collection<Long> only, Collection<Long> except,
            Paging paging) {
        SqlFilter filter = filter(articleId, state, only, except);
        return jdbc.sql("SELECT * FROM claim" + filter.sql() + " ORDER BY id" + paging.sql()).params(filter.params())
                .query(CLAIM).list();
    }

    /** How many claims {@link #page} pages through. */
    long count(Long articleId, ClaimState state, Collection<Long> only, Collection<Long> except) {
        SqlFilter filter = filter(articleId, state, only, except);
        return jdbc.sql("SELECT COUNT(*) FROM claim" + filter.sql()).params(filter.params()).query(Long.class)
                .single();
    }

    private static SqlFilter filter(Long articleId, ClaimState state, Collection<Long> only,
            Collection<Long> except) {
        SqlFilter filter = new SqlFilter().equal("article_id", articleId).equal("state", state);
        if (only != null) {
            filter.where(only.isEmpty() ? "1 = 0" : "id IN (" + placeholders(only.size()) + ")", only.toArray());
        }
        if (except != null && !except.isEmpty()) {
            filter.where("id NOT IN (" + placeholders(except.size()) + ")", except.toArray());
        }
        return filter;
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** The number of open claims of each article that has any. */
    Map<Long, Long> openCounts() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT article_id, COUNT(*) AS n FROM claim WHERE state NOT IN (:closed) GROUP BY article_id")
                .param("closed", closedStates())
                .query(rs -> {
                    counts.put(rs.getLong("article_id"), rs.getLong("n"));
                });
        return counts;
    }

    private static List<String> closedStates() {
        return Arrays.stream(ClaimState.values()).filter(s -> !s.isOpen()).map(ClaimState::name).toList();
    }

    /** The article's claims still under review on exactly these words, wherever they stand. */
    List<Claim> openOn(long articleId, String quote) {
        List<String> closed = closedStates();
        return jdbc.sql("SELECT * FROM claim WHERE article_id = :article AND quote = :quote AND state NOT IN (:closed)"
                        + " ORDER BY id")
                .param("article", articleId).param("quote", quote).param("closed", closed).query(CLAIM).list();
    }

    void updateState(long id, ClaimState state, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), SqlTime.of(at), id).update();
        release(id, state);
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
        release(id, state);
    }

    void recordDecision(long id, ClaimState state, Claim.Approval approval, CorrectionKind kind, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, decision = ?, decided_by = ?, decision_comment = ?, kind = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(state.name(), approval.decision().name(), approval.by(), approval.comment(),
                        kind == null ? null : kind.name(), SqlTime.of(at), id)
                .update();
        release(id, state);
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
        release(id, state);
    }

    void recordPublished(long id, int revision, Instant at) {
        jdbc.sql("UPDATE claim SET state = ?, published_revision = ?, updated_at = ? WHERE id = ?")
                .params(ClaimState.PUBLISHED.name(), revision, SqlTime.of(at), id).update();
        release(id, ClaimState.PUBLISHED);
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
