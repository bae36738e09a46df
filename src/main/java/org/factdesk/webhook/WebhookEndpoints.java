package org.factdesk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The endpoints admins registered ({@code webhook_endpoint}); a removed one stays, inactive, for its log. */
@Repository
class WebhookEndpoints {

    /** An endpoint with its secret, for signing. */
    record Target(long id, String url, String secret, boolean active) {
    }

    private static final String COLUMNS = "id, url, description, secret, active, created_by, created_at, removed_at";

    private final JdbcClient jdbc;

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(String url, String description, String secret, String createdBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO webhook_endpoint (url, description, secret, active, created_by, created_at) "
                        + "VALUES (?, ?, ?, TRUE, ?, ?)")
                .params(url, description, secret, createdBy, SqlTime.of(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Marks the endpoint removed; false if it was unknown or removed already. */
    boolean remove(long id, Instant at) {
        return jdbc.sql("UPDATE webhook_endpoint SET active = FALSE, removed_at = ? WHERE id = ? AND active = TRUE")
                .params(SqlTime.of(at), id).update() == 1;
    }

    Optional<WebhookEndpoint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?").param(id).query(VIEW).optional();
    }

    /** Every endpoint, the active ones first, newest first; there are a handful. */
    List<WebhookEndpoint> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY active DESC, id DESC "
                + "FETCH FIRST 500 ROWS ONLY").query(VIEW).list();
    }

    List<Target> active() {
        return jdbc.sql("SELECT id, url, secret, active FROM webhook_endpoint WHERE active = TRUE ORDER BY id")
                .query(TARGET).list();
    }

    Optional<Target> target(long id) {
        return jdbc.sql("SELECT id, url, secret, active FROM webhook_endpoint WHERE id = ?").param(id).query(TARGET)
                .optional();
    }

    /** The last four characters of a secret, which is all FactDesk ever shows of it after it was created. */
    static String hint(String secret) {
        return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }

    private static final RowMapper<WebhookEndpoint> VIEW = (rs, row) -> new WebhookEndpoint(rs.getLong("id"),
            rs.getString("url"), rs.getString("description"), hint(rs.getString("secret")), rs.getBoolean("active"),
            rs.getString("created_by"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "removed_at"));

    private static final RowMapper<Target> TARGET = (rs, row) -> new Target(rs.getLong("id"), rs.getString("url"),
            rs.getString("secret"), rs.getBoolean("active"));
}
