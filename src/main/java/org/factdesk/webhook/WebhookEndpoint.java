package org.factdesk.webhook;

import java.time.Instant;

/**
 * An endpoint FactDesk posts published revisions to, as admins see it: the secret only by its last characters.
 */
public record WebhookEndpoint(long id, String url, String description, String secretHint, boolean active,
        String createdBy, Instant createdAt, Instant removedAt) {
}
