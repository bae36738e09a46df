package org.factdesk.publication;

import java.util.List;

import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Claim;

/**
 * Where a claim's quote stands in today's text and what the text reads with the correction applied. Publication
 * uses it to write the revision and the pages use it for their preview, so what an editor approves is exactly what
 * readers get.
 */
public final class CorrectionText {

    private CorrectionText() {
    }

    /**
     * Start indices of the claim's quote in {@code current}: every occurrence for an all-occurrences claim, else the
     * one flagged on {@code flaggedOn} (the text of the claim's revision) followed through the corrections published
     * since. Empty when those corrections changed it.
     */
    public static List<Integer> places(String flaggedOn, String current, Claim claim) {
        if (claim.allOccurrences()) {
            return TextAnchor.occurrences(current, claim.quote());
        }
        return claim.anchor().relocate(flaggedOn, current).map(anchor -> List.of(anchor.start())).orElse(List.of());
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
}
