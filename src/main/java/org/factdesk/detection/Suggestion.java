package org.factdesk.detection;

import org.factdesk.claim.Category;

/**
 * One likely error a detector found: where ({@code start}, {@code end} exclusive, 0-based {@code String} indices into
 * the scanned text), the exact quote, the claim category it would be flagged as, the probable fix (null when only a
 * person can tell), why, and how sure the detector is (0 to 1).
 */
public record Suggestion(String detector, Category category, int start, int end, String quote, String suggestion,
        String explanation, double confidence) {

    public Suggestion {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative range " + start + ".." + end);
        }
    }

    /** The same finding moved by {@code delta} characters, for a text embedded at that offset in a larger one. */
    Suggestion shift(int delta) {
        return new Suggestion(detector, category, start + delta, end + delta, quote, suggestion, explanation,
                confidence);
    }

    boolean overlaps(Suggestion other) {
        return start < other.end && other.start < end;
    }
}
