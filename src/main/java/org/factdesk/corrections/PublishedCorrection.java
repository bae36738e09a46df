package org.factdesk.corrections;

import java.time.Instant;

import org.factdesk.article.CorrectionKind;

/** One published correction or clarification: the article it belongs to, the revision it made and its notice. */
record PublishedCorrection(long articleId, String headline, int revision, long claimId,
        CorrectionKind kind, String notice, Instant publishedAt) {
}
