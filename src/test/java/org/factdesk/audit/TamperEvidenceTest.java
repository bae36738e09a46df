package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.factdesk.shared.SqlTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/**
 * Tampers with an audit log of eight entries through plain JDBC, as a database administrator could after dropping
 * the triggers, and expects the verifier to name the position of the first entry touched each time.
 */
class TamperEvidenceTest {

    private static final int ENTRIES = 8;

    private PrivateAuditLog log;

    @BeforeEach
    void writeEightEntries() {
        log = PrivateAuditLog.inMemory();
        log.append(ENTRIES);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void anUntouchedLogIsValidAndEndsAtItsHead() {
        Verification verification = log.verify();

        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.entries()).isEqualTo(ENTRIES);
        assertThat(verification.firstBrokenAt()).isNull();
        assertThat(verification.head()).isEqualTo(log.head().hash()).isEqualTo(log.hashAt(ENTRIES));
        assertThat(log.verify(new ExpectedHead(log.head().hash(), (long) ENTRIES)).valid()).isTrue();
        assertThat(log.verify(new ExpectedHead(log.hashAt(5), null)).valid())
                .as("a head exported earlier is still reached").isTrue();
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteEntriesOrWindBackTheHead() {
        assertThatThrownBy(() -> log.jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 4"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("DELETE FROM audit_entry WHERE seq = 8"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> log.jdbc.update("UPDATE audit_chain_head SET seq = 6"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("forward");
        assertThatThrownBy(() -> log.jdbc.update("DELETE FROM audit_chain_head"))
                .isInstanceOf(DataAccessException.class);

        assertThat(log.verify().valid()).isTrue();
    }

    @Test
    void anAlteredEntryIsNamed() {
        log.dropTriggers();
        log.jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 4");

        assertBrokenAt(log.verify(), 4, "altered");
    }

    @Test
    void anAlteredTimeIsNamed() {
        log.dropTriggers();
        log.jdbc.update("UPDATE audit_entry SET at = DATEADD(SECOND, 1, at) WHERE seq = 6");

        assertBrokenAt(log.verify(), 6, "altered");
    }

    /** The forger computes a correct hash for the new entry and renumbers the rest, but cannot fix the next link. */
    @Test
    void anInsertedEntryIsNamedEvenWithAHashThatFits() {
        log.dropTriggers();
        String third = log.hashAt(3);
        log.jdbc.update("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 4");
        log.jdbc.update("UPDATE audit_entry SET seq = seq - 99 WHERE seq >= 100");
        AuditContent forged = new AuditContent(PrivateAuditLog.START.plusSeconds(3).plusMillis(500), "edith",
                "APPROVED", 3L, 7L, null, null, null, "APPROVE").asStored();
        log.jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, detail, prev_hash, hash) "
                        + "VALUES (4, ?, 'edith', 'APPROVED', 3, 7, 'APPROVE', ?, ?)",
                SqlTime.of(forged.at()), third, AuditChain.hash(third, 4, forged));
        log.jdbc.update("UPDATE audit_chain_head SET seq = 9");

        assertBrokenAt(log.verify(), 4, "inserted");
    }

    @Test
    void aCrudelyInsertedEntryIsNamed() {
        log.dropTriggers();
        log.jdbc.update("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 4");
        log.jdbc.update("UPDATE audit_entry SET seq = seq - 99 WHERE seq >= 100");
        log.jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, prev_hash, hash) "
                + "VALUES (4, CURRENT_TIMESTAMP, 'admin', 'APPROVED', 'x', 'y')");

        assertBrokenAt(log.verify(), 4, "does not link");
    }

    @Test
    void aRemovedEntryIsNamed() {
        log.dropTriggers();
        log.jdbc.update("DELETE FROM audit_entry WHERE seq = 4");

        assertBrokenAt(log.verify(), 4, "missing");
    }

    @Test
    void aRemovedEntryIsNamedEvenWhenTheRestIsRenumbered() {
        log.dropTriggers();
        log.jdbc.update("DELETE FROM audit_entry WHERE seq = 4");
        log.jdbc.update("UPDATE audit_entry SET seq = seq - 1 WHERE seq > 4");
        log.jdbc.update("UPDATE audit_chain_head SET seq = 7");

        assertBrokenAt(log.verify(), 4, "does not link");
    }

    @Test
    void reorderedEntriesAreNamed() {
        log.dropTriggers();
        log.jdbc.update("UPDATE audit_entry SET seq = -1 WHERE seq = 4");
        log.jdbc.update("UPDATE audit_entry SET seq = 4 WHERE seq = 5");
        log.jdbc.update("UPDATE audit_entry SET seq = 5 WHERE seq = -1");

        assertBrokenAt(log.verify(), 4, "does not link");
    }

    @Test
    void entriesRemovedFromTheEndAreNamedByTheChainHead() {
        log.dropTriggers();
        log.jdbc.update("DELETE FROM audit_entry WHERE seq > 6");

        assertBrokenAt(log.verify(), 7, "removed from the end");
    }

    /**
     * A careful administrator also winds the chain head back: the log is consistent in itself, and only the head
     * exported before names where it was cut.
     */
    @Test
    void truncationWithAWoundBackHeadIsFoundWithTheExportedHead() {
        AuditHead exported = log.head();
        log.dropTriggers();
        log.jdbc.update("DELETE FROM audit_entry WHERE seq > 6");
        log.jdbc.update("UPDATE audit_chain_head SET seq = 6, hash = ?", log.hashAt(6));

        assertThat(log.verify().valid()).as("without the exported head").isTrue();
        assertBrokenAt(log.verify(new ExpectedHead(exported.hash(), exported.entries())), 7, "removed from the end");
        assertBrokenAt(log.verify(new ExpectedHead(exported.hash(), null)), 7, "not in the log");
    }

    /** Rewriting an entry and recomputing every hash after it survives the chain, not the exported head. */
    @Test
    void aRecomputedChainIsFoundWithTheExportedHead() {
        AuditHead exported = log.head();
        log.dropTriggers();
        List<AuditEntry> entries = log.repository.find(new AuditQuery(null, null, null, null, null));
        String previous = log.hashAt(1);
        for (AuditEntry entry : entries.subList(1, entries.size())) {
            AuditContent content = entry.seq() == 2 ? new AuditContent(entry.at(), "someone else", entry.action(),
                    entry.claimId(), entry.articleId(), entry.revision(), entry.before(), entry.after(), entry.detail())
                    : entry.content();
            String hash = AuditChain.hash(previous, entry.seq(), content);
            log.jdbc.update("UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                    content.actor(), previous, hash, entry.seq());
            previous = hash;
        }
        log.jdbc.update("UPDATE audit_chain_head SET hash = ?", previous);

        assertThat(log.verify().valid()).as("the rewritten chain is consistent in itself").isTrue();
        assertBrokenAt(log.verify(new ExpectedHead(exported.hash(), exported.entries())), 8, "rewritten");
    }

    @Test
    void entriesAppendedBehindFactDesksBackAreNamed() {
        log.dropTriggers();
        String last = log.hashAt(ENTRIES);
        AuditContent forged = PrivateAuditLog.content(99).asStored();
        log.jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, revision, before_text, "
                        + "after_text, detail, prev_hash, hash) VALUES (9, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                SqlTime.of(forged.at()), forged.actor(), forged.action(), forged.claimId(),
                forged.articleId(), forged.revision(), forged.before(), forged.after(), forged.detail(), last,
                AuditChain.hash(last, 9, forged));

        assertBrokenAt(log.verify(), 9, "appended outside FactDesk");
    }

    private static void assertBrokenAt(Verification verification, long position, String why) {
        assertThat(verification.valid()).as(verification.toString()).isFalse();
        assertThat(verification.firstBrokenAt()).as(verification.toString()).isEqualTo(position);
        assertThat(verification.reason()).containsIgnoringCase(why);
    }
}
