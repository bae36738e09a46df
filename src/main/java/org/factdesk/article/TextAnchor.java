package org.factdesk.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a quote stands in a text, as a W3C Web Annotation TextQuoteSelector (exact quote with a little prefix and
 * suffix) plus a TextPositionSelector (start, end exclusive). The context lets a claim be found again after earlier
 * corrections moved it, and known to be gone when they removed it.
 */
public record TextAnchor(String exact, String prefix, String suffix, int start, int end) {

    /** How much context is kept on either side of a quote. */
    public static final int CONTEXT = 32;

    public static TextAnchor at(String text, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("range " + start + ".." + end + " is outside the text");
        }
        return new TextAnchor(text.substring(start, end), text.substring(Math.max(0, start - CONTEXT), start),
                text.substring(end, Math.min(text.length(), end + CONTEXT)), start, end);
    }

    /** Every start index at which {@code quote} occurs in {@code text}, in order, not overlapping. */
    public static List<Integer> occurrences(String text, String quote) {
        List<Integer> starts = new ArrayList<>();
        if (quote.isEmpty()) {
            return starts;
        }
        for (int at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length())) {
            starts.add(at);
        }
        return starts;
    }

    /**
     * Finds this quote in a later text: where it still stands unchanged, that place; otherwise the occurrence whose
     * surrounding text best matches the recorded context, the nearest to the old position on a tie. Empty when the
     * quote is no longer in the text.
     */
    public Optional<TextAnchor> relocate(String text) {
        if (end <= text.length() && text.startsWith(exact, start) && TextAnchor.at(text, start, end).equals(this)) {
            return Optional.of(this);
        }
        TextAnchor best = null;
        int bestScore = -1;
        for (int candidate : occurrences(text, exact)) {
            TextAnchor anchor = TextAnchor.at(text, candidate, candidate + exact.length());
            int score = commonSuffix(prefix, anchor.prefix) + commonPrefix(suffix, anchor.suffix);
            if (score > bestScore || (score == bestScore && Math.abs(candidate - start) < Math.abs(best.start - start))) {
                best = anchor;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static int commonSuffix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
            i++;
        }
        return i;
    }
}
