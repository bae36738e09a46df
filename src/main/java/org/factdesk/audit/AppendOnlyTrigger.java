package org.factdesk.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on {@code audit_entry}, so not even a stray SQL statement changes
 * the log (created by {@code db/vendor/h2/V2_1__audit_append_only.sql}; PostgreSQL has its own).
 */
public class AppendOnlyTrigger implements Trigger {

    /** The SQL standard's state for a change a trigger refused. */
    static final String TRIGGERED_DATA_CHANGE_VIOLATION = "27000";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_entry is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " is refused", TRIGGERED_DATA_CHANGE_VIOLATION);
    }
}
