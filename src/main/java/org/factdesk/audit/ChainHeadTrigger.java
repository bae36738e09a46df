package org.factdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that lets {@code audit_chain_head} only move forward one entry at a time and never be deleted, so the
 * head cannot be wound back over removed entries by accident (created by
 * {@code db/vendor/h2/V2_1__audit_append_only.sql}; PostgreSQL has its own).
 */
public class ChainHeadTrigger implements Trigger {

    /** Column positions in {@code audit_chain_head (id, seq, hash)}. */
    private static final int ID = 0;
    private static final int SEQ = 1;

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            throw new SQLException("audit_chain_head cannot be deleted", AppendOnlyTrigger.TRIGGERED_DATA_CHANGE_VIOLATION);
        }
        long before = ((Number) oldRow[SEQ]).longValue();
        long after = ((Number) newRow[SEQ]).longValue();
        if (!oldRow[ID].equals(newRow[ID]) || after != before + 1) {
            throw new SQLException("audit_chain_head only moves forward one entry at a time (from " + before
                    + " to " + after + " refused)", AppendOnlyTrigger.TRIGGERED_DATA_CHANGE_VIOLATION);
        }
    }
}
