package org.factdesk.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.factdesk.shared.SqlTime;

/** Reads audit entries from JDBC rows, the same way for the application, the exports and the offline verifier. */
final class AuditRows {

    static final String COLUMNS = "id, seq, at, actor, action, claim_id, article_id, revision, before_text, "
            + "after_text, detail, prev_hash, hash";

    /** Chain order. NULLS LAST is spelled out so that H2 and PostgreSQL put a row without a position in one place. */
    static final String CHAIN_ORDER = " ORDER BY seq NULLS LAST, id";

    private AuditRows() {
    }

    /** The entry in the current row; a row someone inserted without a position reads as position 0. */
    static AuditEntry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        return new AuditEntry(rs.getLong("id"), rs.wasNull() ? 0 : seq, SqlTime.read(rs, "at"),
                rs.getString("actor"), rs.getString("action"), rs.getObject("claim_id", Long.class),
                rs.getObject("article_id", Long.class), rs.getObject("revision", Integer.class),
                rs.getString("before_text"), rs.getString("after_text"), rs.getString("detail"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
