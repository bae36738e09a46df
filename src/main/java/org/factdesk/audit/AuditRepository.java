package org.factdesk.audit;

import java.util.ArrayList;
import java.util.List;

import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appends to and reads the audit log. It has no update and no delete, on purpose. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void append(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor, action, claim_id, article_id, revision, before_text, after_text, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(SqlTime.of(entry.at()), entry.actor(), entry.action(), entry.claimId(), entry.articleId(),
                        entry.revision(), entry.before(), entry.after(), entry.detail())
                .update();
    }

    List<AuditEntry> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
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
        sql.append(" ORDER BY id");
        return jdbc.sql(sql.toString()).params(params).query(ENTRY).list();
    }

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(
            rs.getLong("id"), SqlTime.read(rs, "at"), rs.getString("actor"), rs.getString("action"),
            rs.getObject("claim_id", Long.class), rs.getObject("article_id", Long.class),
            rs.getObject("revision", Integer.class), rs.getString("before_text"), rs.getString("after_text"),
            rs.getString("detail"));
}
