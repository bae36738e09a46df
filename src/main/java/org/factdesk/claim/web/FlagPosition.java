package org.factdesk.claim.web;

import java.util.List;

import org.factdesk.article.TextAnchor;

/**
 * Where a selection stands, in words a person reads: the paragraph it is in and, for words the text has more than
 * once, which time it is ("Selected “Delany” in paragraph 2 (2nd of 3 times in the text)"). The page's script says
 * the same as a selection is made; this is the page's own, for a form shown again.
 */
final class FlagPosition {

    private FlagPosition() {
    }

    /** The selection's place in words, or null when {@code quote} does not start at {@code start} in the body. */
    static String of(String body, String quote, Integer start) {
        if (quote == null || quote.isEmpty() || start == null || start < 0 || !body.startsWith(quote, start)) {
            return null;
        }
        int paragraph = 1;
        int lineStart = 0;
        for (int i = body.indexOf('\n'); i >= 0 && i < start; i = body.indexOf('\n', i + 1)) {
            // Blank lines are no paragraph a reader counts.
            if (!body.substring(lineStart, i).isBlank()) {
                paragraph++;
            }
            lineStart = i + 1;
        }
        List<Integer> starts = TextAnchor.occurrences(body, quote);
        String shown = quote.length() > 40 ? quote.substring(0, 40) + "\u2026" : quote;
        String where = "Selected \u201c" + shown + "\u201d in paragraph " + paragraph;
        if (starts.size() > 1 && starts.contains(start)) {
            where += " (" + ordinal(starts.indexOf(start) + 1) + " of " + starts.size() + " times in the text)";
        }
        return where + ".";
    }

    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
