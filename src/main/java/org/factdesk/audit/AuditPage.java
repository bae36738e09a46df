package org.factdesk.audit;

import java.util.List;

/** One page of the audit log: its entries, how many match in all, and where the page stands. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    /** The number of the last page (0 when everything fits on one). */
    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
