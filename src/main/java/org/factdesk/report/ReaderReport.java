package org.factdesk.report;

import java.time.Instant;

import org.factdesk.article.TextAnchor;

/**
 * What a reader reported on one revision of an article, and what the desk made of it. {@code problem} is the
 * reader's own words (null once erased); the email is never part of this record: only the resolution event carries
 * it, so no page or API can show it by mistake.
 */
public record ReaderReport(long id, long articleId, int revision, TextAnchor anchor, String problem,
        boolean hasEmail, ReportState state, Long claimId, String triagedBy, String dismissReason, Instant filedAt,
        Instant triagedAt, Instant erasedAt) {

    public String quote() {
        return anchor.exact();
    }
}
