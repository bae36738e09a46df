package org.factdesk.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An audit log in a database of its own, migrated by FactDesk's own migrations, for tests that tamper with it as a
 * database administrator could: the shared application's log stays intact for every other test.
 */
final class PrivateAuditLog implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-24T10:12:03.123456789Z");

    final JdbcDataSource dataSource = new JdbcDataSource();
    final JdbcTemplate jdbc;
    final AuditRepository repository;
    final TransactionTemplate transaction;
    private final boolean inMemory;

    private PrivateAuditLog(String url, boolean inMemory) {
        dataSource.setURL(url);
        dataSource.setUser("factdesk");
        dataSource.setPassword("factdesk");
        this.inMemory = inMemory;
        this.jdbc = new JdbcTemplate(dataSource);
        this.repository = new AuditRepository(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A migrated in-memory database. */
    static PrivateAuditLog inMemory() {
        return unmigrated().migrate(null);
    }

    /** An empty in-memory database, for tests of the migrations themselves. */
    static PrivateAuditLog unmigrated() {
        return new PrivateAuditLog("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", true);
    }

    /** A database file {@code factdesk} in {@code dir}, as the application keeps it, not yet migrated. */
    static PrivateAuditLog file(Path dir) {
        return new PrivateAuditLog("jdbc:h2:file:" + dir.toAbsolutePath().resolve("factdesk"), false);
    }

    /** Runs FactDesk's migrations, up to {@code target} or all of them. */
    PrivateAuditLog migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new SealAuditChainMigration());
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
        return this;
    }

    /** Appends {@code count} entries the way the application does, each in its own transaction. */
    List<AuditEntry> append(int count) {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditContent content = content(i);
            appended.add(transaction.execute(status -> repository.append(content)));
        }
        return appended;
    }

    /** Varied content: nanoseconds the database drops, accents, quotes, commas, line breaks and missing values. */
    static AuditContent content(int i) {
        return new AuditContent(START.plusSeconds(i), i % 2 == 0 ? "fiona" : "edith", i % 3 == 0 ? "FLAGGED" : "VERDICT",
                (long) i, 7L, i % 4 == 0 ? null : 1, "The Erbil vase, \"Soleimai\" — café " + i + "\nsecond line",
                i % 2 == 0 ? null : "", "entry " + i);
    }

    Verification verify() {
        return verify(ExpectedHead.none());
    }

    Verification verify(ExpectedHead head) {
        return transaction.execute(status -> jdbc.execute(
                (ConnectionCallback<Verification>) connection -> ChainVerifier.verify(connection, head)));
    }

    AuditHead head() {
        return repository.head();
    }

    String hashAt(long seq) {
        return jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = ?", String.class, seq);
    }

    /** What someone with full access to the database does first. */
    void dropTriggers() {
        jdbc.execute("DROP TRIGGER audit_entry_append_only");
        jdbc.execute("DROP TRIGGER audit_chain_head_forward_only");
    }

    @Override
    public void close() {
        if (inMemory) {
            jdbc.execute("SHUTDOWN");
        }
    }
}
