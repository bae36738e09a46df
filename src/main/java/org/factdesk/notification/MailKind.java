package org.factdesk.notification;

/** The kinds of mail FactDesk sends. */
public enum MailKind {
    /** A review task was given to someone. */
    ASSIGNED("Task given"),
    /** A review task someone holds is nearing or past its due time. */
    REMINDED("Reminder"),
    /** A review task went to a group above the one that had it. */
    ESCALATED("Escalation"),
    /** The desk's backlog passed its alert level. */
    BACKLOG("Backlog alert"),
    /** A reader's report led to a published correction. */
    REPORT_RESOLVED("Reader thanked"),
    /** The standards editor's daily digest. */
    DIGEST("Daily digest");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    /** The kind in words, as the outbox page shows it. */
    public String label() {
        return label;
    }
}
