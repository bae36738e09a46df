package org.factdesk.publication;

import java.time.Instant;

import org.factdesk.article.CorrectionNotice;

/**
 * Published inside the transaction that made a correction or clarification live. {@code before} and {@code after}
 * are the paragraphs the correction changed (both null for a clarification, which changes no text).
 */
public record CorrectionPublished(long claimId, long articleId, int revision, CorrectionNotice notice,
        String before, String after, Instant at) {
}
