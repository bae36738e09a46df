package org.factdesk.audit.web.leaks;

import org.factdesk.audit.AuditChain;

/** A leak for ArchitectureLeaksTest: a page using the audit chain's insides. */
class PageHashesEntries {

    String genesis() {
        return AuditChain.GENESIS;
    }
}
