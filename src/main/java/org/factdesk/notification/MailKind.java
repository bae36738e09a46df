package org.factdesk.notification;

/** The kinds of mail FactDesk sends. */
public enum MailKind {
    /** A review task was given to someone. */
    ASSIGNED,
    /** A review task someone holds is nearing or past its due time. */
    REMINDED,
    /** A review task went to a group above the one that had it. */
    ESCALATED,
    /** The desk's backlog passed its alert level. */
    BACKLOG,
    /** A reader's report led to a published correction. */
    REPORT_RESOLVED,
    /** The standards editor's daily digest. */
    DIGEST
}
