package org.factdesk.publication;

import java.util.List;

import org.factdesk.claim.Claim;

/**
 * What an article's text reads with a claim's correction applied. Publication
 * uses it to write the revision and the pages use it for their preview, so what an editor approves is exactly what
 * readers get.
 */
public final class CorrectionText {

    private CorrectionText() {
    }

    /** {@code text} with {@code replacement} in place of the quote at each of the given places. */
    public static String replace(String text, List<Integer> places, Claim claim, String replacement) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int start : places) {
            out.append(text, from, start).append(replacement);
            from = start + claim.quote().length();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** {@code current} with {@code replacement} in place of the claim's quote wherever it stands there. */
    public static String replaced(String flaggedOn, String current, Claim claim, String replacement) {
        return replace(current, claim.placesIn(flaggedOn, current), claim, replacement);
    }

    /** The paragraphs (0-based) of {@code current} that hold the claim's quote. */
    public static List<Integer> paragraphsOf(String flaggedOn, String current, Claim claim) {
        return claim.placesIn(flaggedOn, current).stream()
                .map(start -> (int) current.substring(0, start).chars().filter(c -> c == '\n').count())
                .distinct().toList();
    }
}
