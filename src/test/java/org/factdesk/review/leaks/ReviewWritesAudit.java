package org.factdesk.review.leaks;

import org.factdesk.audit.AuditLog;

/** A leak for ArchitectureLeaksTest: a step of the flow calling the audit log instead of publishing an event. */
class ReviewWritesAudit {

    AuditLog log;
}
