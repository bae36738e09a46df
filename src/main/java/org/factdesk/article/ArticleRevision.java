package org.factdesk.article;

import java.time.Instant;

/**
 * One version of an article's text. Revision 1 is the imported text; each later one was published for one claim,
 * with the notice readers see (null for revision 1). The body is the paragraphs joined by {@code \n}; text positions are
 * 0-based {@code String} indices into it, end exclusive.
 */
public record ArticleRevision(long articleId, int revision, String headline, String body, Instant createdAt,
        String createdBy, Long claimId, CorrectionNotice notice) {

    public boolean isCorrection() {
        return claimId != null;
    }

    /** Whether the update corrected or clarified; null for revision 1. */
    public CorrectionKind kind() {
        return notice == null ? null : notice.kind();
    }
}
