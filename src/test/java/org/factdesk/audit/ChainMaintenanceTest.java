package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.factdesk.shared.SqlTime;
import org.junit.jupiter.api.Test;

/** The chain stays one chain: appends racing each other never fork it, and migration V2 chains older entries. */
class ChainMaintenanceTest {

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        int threads = 8;
        int perThread = 25;
        try (PrivateAuditLog log = PrivateAuditLog.inMemory()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            List<Long> positions = Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        int n = thread * perThread + i;
                        positions.add(log.transaction.execute(
                                status -> log.repository.append(PrivateAuditLog.content(n)).seq()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Verification verification = log.verify();
            assertThat(verification.valid()).as(verification.toString()).isTrue();
            assertThat(verification.entries()).isEqualTo(threads * perThread);
            assertThat(positions).doesNotHaveDuplicates().hasSize(threads * perThread);
        }
    }

    @Test
    void migrationV2ChainsEntriesWrittenBeforeTheChainExisted() {
        try (PrivateAuditLog log = PrivateAuditLog.unmigrated().migrate("1")) {
            for (int i = 0; i < 5; i++) {
                AuditContent old = PrivateAuditLog.content(i).asStored();
                log.jdbc.update("INSERT INTO audit_entry (at, actor, action, claim_id, article_id, revision, before_text, "
                                + "after_text, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", SqlTime.of(old.at()),
                        old.actor(), old.action(), old.claimId(), old.articleId(), old.revision(), old.before(),
                        old.after(), old.detail());
            }

            log.migrate(null);
            log.append(2);

            Verification verification = log.verify();
            assertThat(verification.valid()).as(verification.toString()).isTrue();
            assertThat(verification.entries()).isEqualTo(7);
            assertThat(log.jdbc.queryForObject("SELECT actor FROM audit_entry WHERE seq = 2", String.class))
                    .isEqualTo("edith");
            assertThat(log.head().entries()).isEqualTo(7);
        }
    }

    @Test
    void aBlankLogIsValidAndEmpty() {
        try (PrivateAuditLog log = PrivateAuditLog.inMemory()) {
            Verification verification = log.verify();

            assertThat(verification).isEqualTo(Verification.intact(0, AuditChain.GENESIS));
            assertThat(log.head().hash()).isEqualTo(AuditChain.GENESIS);
        }
    }
}
