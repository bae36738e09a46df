package org.factdesk.claim;

import java.time.Instant;

import org.factdesk.article.TextAnchor;

/**
 * A flagged quote on one revision of an article: where it stood ({@code anchor}), whether every occurrence is meant,
 * what is wrong with it, who holds its open review task, and what review has decided so far.
 */
public record Claim(
        long id,
        long articleId,
        int revision,
        TextAnchor anchor,
        boolean allOccurrences,
        int occurrences,
        Category category,
        Severity severity,
        String replacement,
        String note,
        ClaimState state,
        String holder,
        String flaggedBy,
        String source,
        Instant flaggedAt,
        String verdict,
        String verifiedBy,
        String notice,
        String verdictNote,
        String decision,
        String decidedBy,
        String decisionComment,
        Integer publishedRevision,
        Instant updatedAt) {

    public String quote() {
        return anchor.exact();
    }
}
