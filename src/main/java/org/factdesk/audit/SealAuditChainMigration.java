package org.factdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 2.0.1: chains the audit entries written before the chain existed, in the order V2 numbered them,
 * with the same code that chains new ones (SHA-256 has no portable SQL spelling). It runs between V2, which adds the
 * columns, and V2.1, which makes them mandatory and the table append-only. Spring Boot hands every
 * {@link JavaMigration} bean to Flyway.
 */
@Component
public class SealAuditChainMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2.0.1");
    }

    @Override
    public String getDescription() {
        return "seal audit chain";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String previous;
        long last;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = head.executeQuery()) {
            rs.next();
            last = rs.getLong("seq");
            previous = rs.getString("hash");
        }
        List<AuditEntry> unsealed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + AuditRows.COLUMNS
                + " FROM audit_entry WHERE hash IS NULL" + AuditRows.CHAIN_ORDER);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                unsealed.add(AuditRows.entry(rs));
            }
        }
        try (PreparedStatement seal = connection.prepareStatement(
                "UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?")) {
            for (AuditEntry entry : unsealed) {
                if (entry.seq() != last + 1) {
                    throw new IllegalStateException("audit entry " + entry.id() + " has position " + entry.seq()
                            + " where " + (last + 1) + " was expected");
                }
                String hash = AuditChain.hash(previous, entry.seq(), entry.content());
                seal.setString(1, previous);
                seal.setString(2, hash);
                seal.setLong(3, entry.id());
                seal.executeUpdate();
                previous = hash;
                last = entry.seq();
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
            head.setLong(1, last);
            head.setString(2, previous);
            head.executeUpdate();
        }
    }
}
