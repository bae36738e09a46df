package org.factdesk.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.shared.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * FactDesk's table of mails to send ({@code mail_delivery}). A sender takes a due mail with one conditional UPDATE
 * that succeeds only while the mail is still pending and due (or its last sender's lease has run out), so two nodes
 * on one database never both take it; what it then records is matched on its lease token, so a sender that
 * outlived its lease cannot overwrite the one that took over.
 */
@Repository
class MailOutbox {

    private static final String COLUMNS = "id, kind, to_user, to_group, to_address, subject, body, state, attempts, "
            + "next_attempt_at, lease_token, last_attempt_at, last_error, sent_at, created_at";

    private static final String DUE = "((state = :pending AND next_attempt_at <= :now) "
            + "OR (state = :sending AND lease_until < :now))";

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a mail, due at once; joins the caller's transaction. */
    void add(MailKind kind, Recipient to, String subject, String body, Instant now) {
        insert(kind, to, subject, body, null, now);
    }

    /**
     * Queues a mail that exists at most once for its key (the day of a digest); false when another node queued it
     * first. Runs on its own: a refused insert ends the transaction on PostgreSQL.
     */
    boolean addOnce(MailKind kind, Recipient to, String subject, String body, String key, Instant now) {
        try {
            insert(kind, to, subject, body, key, now);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    private void insert(MailKind kind, Recipient to, String subject, String body, String key, Instant now) {
        jdbc.sql("INSERT INTO mail_delivery (kind, to_user, to_group, to_address, subject, body, dedup_key, state, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(kind.name(), to.user(), to.group(), to.address(), subject, body, key,
                        MailState.PENDING.name(), SqlTime.of(now), SqlTime.of(now))
                .update();
    }

    /** The ids of up to {@code limit} mails due at {@code now}, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM mail_delivery WHERE " + DUE + " ORDER BY next_attempt_at, id FETCH FIRST "
                        + limit + " ROWS ONLY")
                .param("pending", MailState.PENDING.name()).param("sending", MailState.SENDING.name())
                .param("now", SqlTime.of(now))
                .query(Long.class).list();
    }

    /**
     * Takes the mail for one attempt if it is still due: counts the attempt and leases it until {@code leaseUntil}.
     * Empty when another node took it first.
     */
    Optional<QueuedMail> take(long id, String leaseToken, Instant now, Instant leaseUntil) {
        int taken = jdbc.sql("UPDATE mail_delivery SET state = :sendingNow, attempts = attempts + 1, "
                        + "lease_token = :token, lease_until = :until, last_attempt_at = :now WHERE id = :id AND " + DUE)
                .param("sendingNow", MailState.SENDING.name()).param("token", leaseToken)
                .param("until", SqlTime.of(leaseUntil)).param("now", SqlTime.of(now)).param("id", id)
                .param("pending", MailState.PENDING.name()).param("sending", MailState.SENDING.name())
                .update();
        return taken == 1 ? find(id) : Optional.empty();
    }

    /**
     * Records the mail as sent. A reader's address is kept only until then (FactDesk erases it from the report as
     * it queues the mail), so the outbox does not become a list of readers' addresses.
     */
    void sent(long id, String leaseToken, Instant at) {
        jdbc.sql("UPDATE mail_delivery SET state = ?, sent_at = ?, last_error = NULL, lease_token = NULL, "
                        + "lease_until = NULL, to_address = CASE WHEN kind = ? THEN NULL ELSE to_address END "
                        + "WHERE id = ? AND lease_token = ?")
                .params(MailState.SENT.name(), SqlTime.of(at), MailKind.REPORT_RESOLVED.name(), id, leaseToken)
                .update();
    }

    /**
     * Records a failed attempt: due again at {@code retryAt}, or FAILED for good when that is null (and then, like a
     * sent one, without a reader's address).
     */
    void failed(long id, String leaseToken, String error, Instant retryAt) {
        jdbc.sql("UPDATE mail_delivery SET state = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), "
                        + "lease_token = NULL, lease_until = NULL, "
                        + "to_address = CASE WHEN kind = ? THEN NULL ELSE to_address END "
                        + "WHERE id = ? AND lease_token = ?")
                .params(retryAt == null ? MailState.FAILED.name() : MailState.PENDING.name(), clip(error),
                        SqlTime.of(retryAt), retryAt == null ? MailKind.REPORT_RESOLVED.name() : "", id, leaseToken)
                .update();
    }

    Optional<QueuedMail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_delivery WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The newest {@code limit} mails, newest first: what the outbox shows. */
    List<QueuedMail> newest(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_delivery ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY").query(ROW).list();
    }

    private static String clip(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static final RowMapper<QueuedMail> ROW = (rs, row) -> new QueuedMail(rs.getLong("id"),
            MailKind.valueOf(rs.getString("kind")), rs.getString("to_user"), rs.getString("to_group"),
            rs.getString("to_address"), rs.getString("subject"), rs.getString("body"),
            MailState.valueOf(rs.getString("state")), rs.getInt("attempts"), SqlTime.read(rs, "next_attempt_at"),
            rs.getString("lease_token"), SqlTime.read(rs, "last_attempt_at"), rs.getString("last_error"),
            SqlTime.read(rs, "sent_at"), SqlTime.read(rs, "created_at"));
}
