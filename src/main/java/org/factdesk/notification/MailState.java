package org.factdesk.notification;

/** Where a mail in the outbox stands. */
public enum MailState {
    /** Waiting for its (next) attempt. */
    PENDING("Waiting"),
    /** Taken by one node, which is sending it now. */
    SENDING("Sending"),
    /** Accepted by the SMTP server. */
    SENT("Sent"),
    /** Given up after its last attempt, or unsendable (a recipient with no address). */
    FAILED("Given up");

    private final String label;

    MailState(String label) {
        this.label = label;
    }

    /** Whether the mail waits for a try to come. */
    public boolean waiting() {
        return this == PENDING;
    }

    /** The state in words, as the outbox page shows it. */
    public String label() {
        return label;
    }
}
