package org.factdesk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recomputes the audit chain over one JDBC connection, entry by entry in chain order, holding only the last two
 * hashes: the API and the offline {@code verify-audit} command run exactly this code, and a log of any length
 * verifies in constant memory. The caller provides a consistent snapshot (a read-only, repeatable-read transaction)
 * so that entries appended meanwhile are neither half seen nor mistaken for tampering.
 */
final class ChainVerifier {

    /** Rows fetched per round trip; PostgreSQL only honours it outside auto-commit. */
    static final int FETCH_SIZE = 500;

    private ChainVerifier() {
    }

    static Verification verify(Connection connection, ExpectedHead expected) throws SQLException {
        RecordedHead recorded = recordedHead(connection);
        Walk walk = new Walk(expected);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + AuditRows.COLUMNS + " FROM audit_entry" + AuditRows.CHAIN_ORDER)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    walk.next(AuditRows.entry(rs));
                }
            }
        }
        return walk.finish(recorded);
    }

    private static RecordedHead recordedHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, hash FROM audit_chain_head WHERE id = 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? new RecordedHead(rs.getLong("seq"), rs.getString("hash")) : null;
        }
    }

    /** The chain head row FactDesk moves forward with every append. */
    private record RecordedHead(long entries, String hash) {
    }

    /** One pass over the chain; remembers the earliest break it has seen and what the exported head needs. */
    private static final class Walk {

        private final ExpectedHead expected;
        private long position;
        private String previous = AuditChain.GENESIS;
        private String beforePrevious;
        private Long brokenAt;
        private String reason;
        private boolean expectedSeen;
        private String hashAtExpectedPosition;

        Walk(ExpectedHead expected) {
            this.expected = expected;
            this.expectedSeen = AuditChain.GENESIS.equals(expected.hash());
        }

        void next(AuditEntry entry) {
            position++;
            if (brokenAt == null) {
                check(entry);
            }
            if (expected.entries() != null && position == expected.entries()) {
                hashAtExpectedPosition = entry.hash();
            }
            if (expected.given() && expected.hash().equals(entry.hash())) {
                expectedSeen = true;
            }
            beforePrevious = previous;
            previous = entry.hash();
        }

        private void check(AuditEntry entry) {
            long p = position;
            if (entry.seq() != p) {
                if (entry.seq() == 0) {
                    breakAt(p, "The entry at position " + p + " (id " + entry.id() + ") has no chain position: it "
                            + "was inserted outside FactDesk.");
                } else if (entry.seq() > p) {
                    breakAt(p, "Entry " + p + " is missing: the log goes from entry " + (p - 1) + " to entry "
                            + entry.seq() + ".");
                } else {
                    breakAt(p, "Entry " + entry.seq() + " appears again at position " + p + " (id " + entry.id()
                            + "): an entry was inserted or copied.");
                }
                return;
            }
            if (!previous.equals(entry.previousHash())) {
                if (p > 1 && beforePrevious != null && beforePrevious.equals(entry.previousHash())) {
                    // The entry before this one holds a hash that fits, but this one still links past it: it was
                    // put in between by someone who could compute its hash, yet not rewrite everything after it.
                    breakAt(p - 1, "Entry " + (p - 1) + " was inserted: entry " + p + " links to entry " + (p - 2)
                            + ", not to it.");
                } else {
                    breakAt(p, "Entry " + p + " does not link to the entry before it: entries before it were "
                            + "removed or reordered.");
                }
                return;
            }
            if (!AuditChain.hash(previous, p, entry.content()).equals(entry.hash())) {
                breakAt(p, "Entry " + p + " was altered: its content no longer matches its hash.");
            }
        }

        Verification finish(RecordedHead recorded) {
            long entries = position;
            if (recorded == null) {
                breakAt(entries + 1, "The chain head row is missing.");
            } else if (recorded.entries() < entries) {
                breakAt(recorded.entries() + 1, "Entries " + (recorded.entries() + 1) + " to " + entries
                        + " come after the chain head: they were appended outside FactDesk.");
            } else if (recorded.entries() > entries) {
                breakAt(entries + 1, "The log ends at entry " + entries + " but the chain head records "
                        + recorded.entries() + " entries: entries were removed from the end.");
            } else if (!recorded.hash().equals(previous)) {
                breakAt(Math.max(entries, 1), "The last entry's hash differs from the chain head's.");
            }
            if (expected.given()) {
                checkExportedHead(entries);
            }
            return brokenAt == null ? Verification.intact(entries, previous)
                    : Verification.broken(entries, brokenAt, reason, previous);
        }

        private void checkExportedHead(long entries) {
            Long at = expected.entries();
            if (at == null) {
                if (!expectedSeen) {
                    breakAt(entries + 1, "The exported head " + expected.hash() + " is not in the log: entries were "
                            + "removed from the end, or the log was rewritten.");
                }
            } else if (at > entries) {
                breakAt(entries + 1, "The log has " + entries + " entries but the exported head was taken at entry "
                        + at + ": entries were removed from the end.");
            } else if (!expected.hash().equals(at == 0 ? AuditChain.GENESIS : hashAtExpectedPosition)) {
                breakAt(Math.max(at, 1), "Entry " + at + " does not have the exported head's hash: the log up to it "
                        + "was rewritten and its hashes recomputed.");
            }
        }

        /** Keeps the earliest break: later ones are usually consequences of it. */
        private void breakAt(long at, String why) {
            if (brokenAt == null || at < brokenAt) {
                brokenAt = at;
                reason = why;
            }
        }
    }
}
