package org.factdesk.audit;

import java.time.Instant;

/**
 * The latest link of the audit chain: how many entries the log holds and the hash of the last one, as of
 * {@code at}. Kept somewhere the database administrator cannot reach, it lets a later verification prove that no
 * entry up to it was changed, removed or recomputed.
 */
public record AuditHead(long entries, String hash, Instant at) {
}
