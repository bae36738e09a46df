package org.factdesk.audit;

import java.util.Locale;

/**
 * A head exported earlier that a verification must find in the log: its hash, and optionally how many entries the
 * log had then. With the count a rewritten log is told apart from a truncated one; with the hash alone, a head
 * that is nowhere in the log means entries were removed from the end (or the log was rewritten).
 */
record ExpectedHead(String hash, Long entries) {

    ExpectedHead {
        hash = hash == null || hash.isBlank() ? null : hash.strip().toLowerCase(Locale.ROOT);
    }

    static ExpectedHead none() {
        return new ExpectedHead(null, null);
    }

    boolean given() {
        return hash != null;
    }
}
