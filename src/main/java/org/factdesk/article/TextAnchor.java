package org.factdesk.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * Where a quote stands in a text, as a W3C Web Annotation TextQuoteSelector (exact quote with a little prefix and
 * suffix) plus a TextPositionSelector (start, end exclusive). {@link #relocate} finds it again after earlier
 * corrections moved it, and knows it gone when they changed it.
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
     * Finds this quote in a later version of the text it was anchored in. The two versions are compared character by
     * character: where the quote's own characters came through unchanged, it is at its old place shifted by whatever
     * earlier edits inserted or removed before it; where an edit touched any of them, the quote is gone — even if
     * the same words still stand elsewhere, which is not the place that was flagged.
     *
     * @param original the text this anchor was made on
     * @param later    a later version of that text
     */
    public Optional<TextAnchor> relocate(String original, String later) {
        return between(original, later).find(this);
    }

    /**
     * The comparison of two versions of a text, for finding several anchors of the earlier one in the later one
     * ({@link #relocate} for each): a scan finds again every open suggestion of an article, and the two versions are
     * then compared once for all of them instead of once each.
     */
    public static Relocation between(String original, String later) {
        return new Relocation(original, later);
    }

    /** Two versions of a text, compared once (and only as far as an anchor needs it). */
    public static final class Relocation {

        private final String original;
        private final String later;
        private final int head;
        private final int tail;
        private List<AbstractDelta<Character>> deltas;

        private Relocation(String original, String later) {
            this.original = original;
            this.later = later;
            // A correction changes a few words: only the stretch between the texts' common beginning and common end
            // is compared, which keeps this cheap on long articles and gives the same answer.
            int same = 0;
            int limit = Math.min(original.length(), later.length());
            while (same < limit && original.charAt(same) == later.charAt(same)) {
                same++;
            }
            int end = 0;
            while (end < limit - same && original.charAt(original.length() - 1 - end)
                    == later.charAt(later.length() - 1 - end)) {
                end++;
            }
            this.head = same;
            this.tail = end;
        }

        /** Where {@code anchor}, made on the earlier text, stands in the later one; empty when an edit touched it. */
        public Optional<TextAnchor> find(TextAnchor anchor) {
            if (original.equals(later)) {
                return Optional.of(anchor);
            }
            if (anchor.end() <= head) {
                return anchor.found(later, anchor.start());
            }
            if (anchor.start() >= original.length() - tail) {
                return anchor.found(later, anchor.start() + later.length() - original.length());
            }
            if (deltas == null) {
                Patch<Character> patch = DiffUtils.diff(characters(original.substring(head, original.length() - tail)),
                        characters(later.substring(head, later.length() - tail)));
                deltas = patch.getDeltas();
            }
            int shift = 0;
            for (AbstractDelta<Character> delta : deltas) {
                int from = head + delta.getSource().getPosition();
                int to = from + delta.getSource().size();
                boolean touches = delta.getSource().size() == 0 ? from > anchor.start() && from < anchor.end()
                        : from < anchor.end() && to > anchor.start();
                if (touches) {
                    return Optional.empty();
                }
                if (to <= anchor.start()) {
                    shift += delta.getTarget().size() - delta.getSource().size();
                }
            }
            return anchor.found(later, anchor.start() + shift);
        }
    }

    /** The quote at {@code moved} in {@code later}, if it stands there. */
    private Optional<TextAnchor> found(String later, int moved) {
        if (moved < 0 || moved + exact.length() > later.length() || !later.startsWith(exact, moved)) {
            return Optional.empty();
        }
        return Optional.of(TextAnchor.at(later, moved, moved + exact.length()));
    }

    private static List<Character> characters(String text) {
        List<Character> characters = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            characters.add(text.charAt(i));
        }
        return characters;
    }
}
