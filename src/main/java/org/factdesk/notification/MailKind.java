package org.factdesk.notification;

/** The kinds of mail FactDesk sends. */
enum MailKind {
    /** A review task was given to someone. */
    ASSIGNED,
    /** A review task went to a group above the one that had it. */
    ESCALATED,
    /** A reader's report led to a published correction. */
    REPORT_RESOLVED,
    /** The standards editor's daily digest. */
    DIGEST
}
