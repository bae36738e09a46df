package org.factdesk.audit;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.factdesk.claim.Category;
import org.factdesk.claim.ClaimOutcome;
import org.factdesk.shared.SqlTime;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Appends to and reads the audit log. It has no update and no delete, on purpose; the database refuses both as well
 * (triggers in {@code db/vendor/*}/V2_1).
 */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        // Exports read with a cursor so that a million entries never become a million objects at once.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(ChainVerifier.FETCH_SIZE);
    }

    /**
     * Appends one entry at the end of the chain, inside the caller's transaction.
     * <p>
     * {@code SELECT ... FOR UPDATE} on the single chain-head row serialises appends: a second transaction waits at
     * that line until the first commits (or rolls back) and then reads the head the first one left, on H2 and
     * PostgreSQL alike, across every FactDesk node sharing the database. Two entries can therefore never claim the
     * same predecessor, and the unique {@code seq} would refuse a fork even if they tried. A rolled-back step takes
     * its entry and its head move with it. The lock is held until the step commits, which orders audited steps one
     * after the other — a few milliseconds each, far below a newsroom's pace.
     */
    AuditEntry append(AuditContent draft) {
        AuditContent content = draft.asStored();
        AuditHead head = jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new AuditHead(rs.getLong("seq"), rs.getString("hash"), null))
                .optional()
                .orElseThrow(() -> new IncorrectResultSizeDataAccessException("the audit chain head row is missing", 1));
        long seq = head.entries() + 1;
        String hash = AuditChain.hash(head.hash(), seq, content);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, revision, before_text,
                    after_text, detail, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, SqlTime.of(content.at()), content.actor(), content.action(), content.claimId(),
                        content.articleId(), content.revision(), content.before(), content.after(), content.detail(),
                        head.hash(), hash)
                .update(keys, "id");
        jdbc.sql("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1").params(seq, hash).update();
        return new AuditEntry(keys.getKeyAs(Long.class), seq, content.at(), content.actor(), content.action(),
                content.claimId(), content.articleId(), content.revision(), content.before(), content.after(),
                content.detail(), head.hash(), hash);
    }

    /** The chain head as FactDesk last moved it: the number of entries and the hash of the last one. */
    AuditHead head() {
        return jdbc.sql("SELECT seq, hash FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> new AuditHead(rs.getLong("seq"), rs.getString("hash"), null))
                .single();
    }

    List<AuditEntry> find(AuditQuery query) {
        Filter filter = Filter.of(query);
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + filter.where() + AuditRows.CHAIN_ORDER)
                .params(filter.params()).query(ENTRY).list();
    }

    /**
     * One page of the matching entries, in chain order or newest first. The order is the chain's own index, so the
     * first pages cost the same however long the log is.
     */
    List<AuditEntry> page(AuditQuery query, boolean newestFirst, long offset, int size) {
        Filter filter = Filter.of(query);
        // Numbers FactDesk computed, written into the statement: H2 may reuse rows when a row limit is a parameter.
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + filter.where() + " ORDER BY seq"
                        + (newestFirst ? " DESC" : "") + " OFFSET " + offset + " ROWS FETCH NEXT " + size
                        + " ROWS ONLY")
                .params(filter.params()).query(ENTRY).list();
    }

    /** The newest {@code size} matching entries older than {@code beforeSeq} (null: the newest of all). */
    List<AuditEntry> newestBefore(AuditQuery query, Long beforeSeq, int size) {
        Filter filter = Filter.of(query);
        List<Object> params = new ArrayList<>(filter.params());
        String where = filter.where();
        if (beforeSeq != null) {
            where += (where.isEmpty() ? " WHERE" : " AND") + " seq < ?";
            params.add(beforeSeq);
        }
        return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + where
                        + " ORDER BY seq DESC FETCH FIRST " + size + " ROWS ONLY")
                .params(params).query(ENTRY).list();
    }

    /** A claim the log has seen flagged, with its category; its outcome is open. */
    void claimFlagged(long claimId, long articleId, Category category) {
        jdbc.sql("INSERT INTO audit_claim (claim_id, article_id, category, outcome) VALUES (?, ?, ?, ?)")
                .params(claimId, articleId, category.name(), ClaimOutcome.OPEN.name()).update();
    }

    void claimOutcome(long claimId, ClaimOutcome outcome) {
        jdbc.sql("UPDATE audit_claim SET outcome = ? WHERE claim_id = ?").params(outcome.name(), claimId).update();
    }

    long count(AuditQuery query) {
        Filter filter = Filter.of(query);
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry" + filter.where()).params(filter.params())
                .query(Long.class).single();
    }

    /** Hands the matching entries to {@code each}, one row at a time, in chain order; nothing is collected. */
    void stream(AuditQuery query, RowCallbackHandler each) {
        Filter filter = Filter.of(query);
        streaming.query("SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + filter.where() + AuditRows.CHAIN_ORDER,
                each, filter.params().toArray());
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> AuditRows.entry(rs);

    /** A WHERE clause with its parameters for the filters that are set. */
    private record Filter(String where, List<Object> params) {

        static Filter of(AuditQuery query) {
            // No condition at all when nothing is filtered: H2 then counts the whole log without reading it.
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (query.articleId() != null) {
                sql.append(" AND article_id = ?");
                params.add(query.articleId());
            }
            if (query.claimId() != null) {
                sql.append(" AND claim_id = ?");
                params.add(query.claimId());
            }
            if (query.from() != null) {
                sql.append(" AND at >= ?");
                params.add(SqlTime.of(query.from()));
            }
            if (query.to() != null) {
                sql.append(" AND at < ?");
                params.add(SqlTime.of(query.to()));
            }
            if (query.actor() != null) {
                sql.append(" AND actor = ?");
                params.add(query.actor());
            }
            if (query.category() != null || query.outcome() != null) {
                // EXISTS by the claim's key, one lookup per entry read: H2 ran "claim_id IN (SELECT ...)" over every
                // open claim for each entry, most of the filtered page's time at a thousand open claims.
                sql.append(" AND EXISTS (SELECT 1 FROM audit_claim c WHERE c.claim_id = audit_entry.claim_id");
                if (query.category() != null) {
                    sql.append(" AND c.category = ?");
                    params.add(query.category().name());
                }
                if (query.outcome() != null) {
                    sql.append(" AND c.outcome = ?");
                    params.add(query.outcome().name());
                }
                sql.append(")");
            }
            return new Filter(sql.isEmpty() ? "" : " WHERE" + sql.substring(" AND".length()), params);
        }
    }
}
