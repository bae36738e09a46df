package org.factdesk.notification;

import java.time.Instant;

/**
 * A mail in FactDesk's outbox: whom it is for (exactly one of a user, a group or an address), what it says, and how
 * its delivery stands.
 */
public record QueuedMail(long id, MailKind kind, String toUser, String toGroup, String toAddress, String subject,
        String body, MailState state, int attempts, Instant nextAttemptAt, String leaseToken, Instant lastAttemptAt,
        String lastError, Instant sentAt, Instant createdAt) {
}
