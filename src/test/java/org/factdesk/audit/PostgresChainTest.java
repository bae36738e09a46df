package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on a real PostgreSQL: FactDesk's migrations with the PostgreSQL triggers, appends from many
 * connections at once serialised by the chain-head row lock, the triggers refusing UPDATE, DELETE and TRUNCATE, and
 * tampering found after they are dropped. The tests run in order on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class PostgresChainTest {

    private EmbeddedPostgres postgres;
    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private AuditRepository repository;
    private TransactionTemplate transaction;

    @BeforeAll
    void migrateARealPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .javaMigrations(new SealAuditChainMigration())
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        repository = new AuditRepository(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void a_concurrentAppendsFormOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    AuditContent content = PrivateAuditLog.content(thread * 20 + i);
                    transaction.executeWithoutResult(status -> repository.append(content));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Verification verification = verify();
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.entries()).isEqualTo(120);
    }

    @Test
    void b_theTriggersRefuseUpdateDeleteAndTruncate() {
        for (String change : List.of("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 3",
                "DELETE FROM audit_entry WHERE seq = 120", "TRUNCATE audit_entry",
                "UPDATE audit_chain_head SET seq = 1", "DELETE FROM audit_chain_head")) {
            assertThatThrownBy(() -> jdbc.execute(change)).as(change).isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("refused");
        }
        assertThat(verify().valid()).isTrue();
    }

    @Test
    void c_anAlteredEntryIsNamedOnceTheTriggerIsDropped() {
        jdbc.execute("DROP TRIGGER audit_entry_append_only ON audit_entry");
        jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 57");

        Verification verification = verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenAt()).isEqualTo(57);
        assertThat(verification.reason()).contains("altered");
    }

    private Verification verify() {
        return transaction.execute(status -> jdbc.execute(
                (ConnectionCallback<Verification>) connection -> ChainVerifier.verify(connection, ExpectedHead.none())));
    }
}
