package org.factdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox of webhook deliveries ({@code webhook_delivery}) and each attempt's line in the log
 * ({@code webhook_attempt}). A sender takes a delivery with one conditional UPDATE that succeeds only while it is
 * pending and due (or the last sender's lease has run out), so nodes sharing the database never post it at the same
 * time; what a sender records afterwards is matched on its lease token.
 */
@Repository
class WebhookDeliveries {

    /** A delivery taken for one attempt: where it goes and what it posts. */
    record Taken(long rowId, String deliveryId, long endpointId, String event, String payload, int attempt) {
    }

    private static final String COLUMNS = "id, delivery_id, endpoint_id, event, claim_id, article_id, revision, state, "
            + "attempts, next_attempt_at, last_attempt_at, last_status, last_error, delivered_at, created_at";

    private static final String DUE = "((state = :pending AND next_attempt_at <= :now) "
            + "OR (state = :sending AND lease_until < :now))";

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery, due at once; joins the caller's transaction (the publication's). */
    void add(String deliveryId, long endpointId, String event, long claimId, long articleId, int revision,
            String payload, Instant now) {
        jdbc.sql("INSERT INTO webhook_delivery (delivery_id, endpoint_id, event, claim_id, article_id, revision, "
                        + "payload, state, attempts, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(deliveryId, endpointId, event, claimId, articleId, revision, payload,
                        DeliveryState.PENDING.name(), SqlTime.of(now), SqlTime.of(now))
                .update();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM webhook_delivery WHERE " + DUE + " ORDER BY next_attempt_at, id "
                        + "FETCH FIRST " + limit + " ROWS ONLY")
                .param("pending", DeliveryState.PENDING.name()).param("sending", DeliveryState.SENDING.name())
                .param("now", SqlTime.of(now)).query(Long.class).list();
    }

    /** Takes the delivery for one attempt if it is still due, counting the attempt; empty if another node did. */
    Optional<Taken> take(long id, String leaseToken, Instant now, Instant leaseUntil) {
        int taken = jdbc.sql("UPDATE webhook_delivery SET state = :sendingNow, attempts = attempts + 1, "
                        + "lease_token = :token, lease_until = :until, last_attempt_at = :now WHERE id = :id AND " + DUE)
                .param("sendingNow", DeliveryState.SENDING.name()).param("token", leaseToken)
                .param("until", SqlTime.of(leaseUntil)).param("now", SqlTime.of(now)).param("id", id)
                .param("pending", DeliveryState.PENDING.name()).param("sending", DeliveryState.SENDING.name())
                .update();
        if (taken != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, delivery_id, endpoint_id, event, payload, attempts FROM webhook_delivery "
                        + "WHERE id = ? AND lease_token = ?")
                .params(id, leaseToken)
                .query((rs, row) -> new Taken(rs.getLong("id"), rs.getString("delivery_id"),
                        rs.getLong("endpoint_id"), rs.getString("event"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .optional();
    }

    /**
     * Records an attempt's outcome: delivered, due again at {@code retryAt}, or given up ({@code state} FAILED or
     * CANCELLED). Ignored if the lease was lost meanwhile.
     */
    void attempted(Taken taken, String leaseToken, DeliveryState state, Instant at, Integer status, String error,
            long tookMillis, Instant retryAt) {
        int updated = jdbc.sql("UPDATE webhook_delivery SET state = ?, last_status = ?, last_error = ?, "
                        + "next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?, lease_token = NULL, "
                        + "lease_until = NULL WHERE id = ? AND lease_token = ?")
                .params(state.name(), status, clip(error), SqlTime.of(retryAt),
                        state == DeliveryState.DELIVERED ? SqlTime.of(at) : null, taken.rowId(), leaseToken)
                .update();
        if (updated == 1) {
            jdbc.sql("INSERT INTO webhook_attempt (delivery, attempt, at, status, error, took_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(taken.rowId(), taken.attempt(), SqlTime.of(at), status, clip(error), tookMillis)
                    .update();
        }
    }

    /** Stops the endpoint's undelivered deliveries: it was removed. */
    int cancelOpen(long endpointId) {
        return jdbc.sql("UPDATE webhook_delivery SET state = ?, lease_token = NULL, lease_until = NULL "
                        + "WHERE endpoint_id = ? AND state IN (?, ?, ?)")
                .params(DeliveryState.CANCELLED.name(), endpointId, DeliveryState.PENDING.name(),
                        DeliveryState.SENDING.name(), DeliveryState.FAILED.name())
                .update();
    }

    /** Makes a failed delivery due again at once, with a fresh set of attempts; false unless it had failed. */
    boolean retry(String deliveryId, Instant now) {
        return jdbc.sql("UPDATE webhook_delivery SET state = ?, attempts = 0, next_attempt_at = ? "
                        + "WHERE delivery_id = ? AND state = ?")
                .params(DeliveryState.PENDING.name(), SqlTime.of(now), deliveryId, DeliveryState.FAILED.name())
                .update() == 1;
    }

    long count(Long endpointId) {
        return endpointId == null
                ? jdbc.sql("SELECT COUNT(*) FROM webhook_delivery").query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?").param(endpointId)
                        .query(Long.class).single();
    }

    /** One page of the log, newest first; all endpoints when {@code endpointId} is null. */
    List<WebhookDelivery> page(Long endpointId, int offset, int size) {
        String where = endpointId == null ? "" : " WHERE endpoint_id = " + endpointId;
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery" + where + " ORDER BY id DESC OFFSET " + offset
                + " ROWS FETCH NEXT " + size + " ROWS ONLY").query(ROW).list();
    }

    Optional<WebhookDelivery> find(String deliveryId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE delivery_id = ?").param(deliveryId)
                .query(ROW).optional()
                .map(d -> d.withAttempts(jdbc.sql("SELECT a.attempt, a.at, a.status, a.error, a.took_ms "
                                + "FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery "
                                + "WHERE d.delivery_id = ? ORDER BY a.id")
                        .param(deliveryId)
                        .query((rs, row) -> new WebhookDelivery.Attempt(rs.getInt("attempt"), SqlTime.read(rs, "at"),
                                (Integer) rs.getObject("status", Integer.class), rs.getString("error"),
                                rs.getLong("took_ms")))
                        .list()));
    }

    private static String clip(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    private static final RowMapper<WebhookDelivery> ROW = (rs, row) -> new WebhookDelivery(
            rs.getString("delivery_id"), rs.getLong("endpoint_id"), rs.getString("event"), rs.getLong("claim_id"),
            rs.getLong("article_id"), rs.getInt("revision"), DeliveryState.valueOf(rs.getString("state")),
            rs.getInt("attempts"), SqlTime.read(rs, "next_attempt_at"), SqlTime.read(rs, "last_attempt_at"),
            rs.getObject("last_status", Integer.class), rs.getString("last_error"), SqlTime.read(rs, "delivered_at"),
            SqlTime.read(rs, "created_at"), List.of());
}
