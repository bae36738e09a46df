package org.factdesk.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One published revision on its way to one endpoint, as the delivery log shows it, with its attempts when asked for
 * one delivery (empty in a list).
 */
public record WebhookDelivery(String deliveryId, long endpointId, String event, long claimId, long articleId,
        int revision, DeliveryState state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
        Integer lastStatus, String lastError, Instant deliveredAt, Instant createdAt, List<Attempt> attemptLog) {

    /** One attempt: when, the HTTP status the endpoint answered (null: no answer), the error, and how long it took. */
    public record Attempt(int attempt, Instant at, Integer status, String error, long tookMillis) {
    }

    WebhookDelivery withAttempts(List<Attempt> log) {
        return new WebhookDelivery(deliveryId, endpointId, event, claimId, articleId, revision, state, attempts,
                nextAttemptAt, lastAttemptAt, lastStatus, lastError, deliveredAt, createdAt, log);
    }
}
