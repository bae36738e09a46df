package org.factdesk.notification;

/** Where a mail in the outbox stands. */
public enum MailState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Taken by one node, which is sending it now. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after its last attempt, or unsendable (a recipient with no address). */
    FAILED
}
