package org.factdesk.report;

import java.time.Instant;

/**
 * A step in a reader report's life, published in the step's transaction for the audit log. {@code detail} never
 * holds the reader's email or their own words.
 */
public record ReaderReportActivity(long reportId, long articleId, Long claimId, Action action, String actor,
        Instant at, String detail) {

    /** The steps the audit log records. */
    public enum Action {
        FILED, ACCEPTED, MERGED, DISMISSED, ERASED, RESOLVED
    }
}
