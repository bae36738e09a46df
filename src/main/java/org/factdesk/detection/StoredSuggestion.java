package org.factdesk.detection;

import java.time.Instant;

import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Category;

/**
 * A suggestion kept for an article: what a detector found on one revision, where (with the quote's context, so it
 * can be found again after corrections move it), and what a fact-checker decided.
 */
public record StoredSuggestion(long id, long articleId, int revision, String detector, Category category,
        TextAnchor anchor, String replacement, String explanation, double confidence, State state, Long claimId,
        Instant createdAt, String decidedBy, Instant decidedAt) {

    /** Where a suggestion stands. */
    public enum State {
        OPEN, ACCEPTED, DISMISSED,
        /** A later scan of the corrected text no longer found it: kept for the record, no longer proposed. */
        OUTDATED
    }

    public String quote() {
        return anchor.exact();
    }

    /** Suggestions for the same text by the same detector are the same suggestion: dismissed once, gone for good. */
    String key() {
        return key(detector, category, anchor.exact());
    }

    static String key(String detector, Category category, String quote) {
        return detector + "\u0000" + category + "\u0000" + quote;
    }
}
