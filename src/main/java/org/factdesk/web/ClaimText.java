package org.factdesk.web;

import java.util.List;

import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Claim;

/**
 * Where a claim stands in today's text and what the text would read with its replacement: the preview the Verify
 * and Approve pages show. It finds the quote the way publication does (every occurrence, or the anchored one found
 * again), so what an editor approves is what readers will get.
 */
final class ClaimText {

    private ClaimText() {
    }

    /**
     * Start indices of the claim's quote in {@code text}, followed from {@code flaggedOn} (the text of the revision
     * it was flagged on); empty when earlier corrections removed it.
     */
    static List<Integer> places(String flaggedOn, String text, Claim claim) {
        if (claim.allOccurrences()) {
            return TextAnchor.occurrences(text, claim.quote());
        }
        return claim.anchor().relocate(flaggedOn, text).map(anchor -> List.of(anchor.start())).orElse(List.of());
    }

    /** {@code text} with the quote replaced at each of its places. */
    static String replaced(String flaggedOn, String text, Claim claim, String replacement) {
        List<Integer> starts = places(flaggedOn, text, claim);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int start : starts) {
            out.append(text, from, start).append(replacement);
            from = start + claim.quote().length();
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The paragraphs (0-based) that hold the quote. */
    static List<Integer> paragraphsOf(String flaggedOn, String text, Claim claim) {
        return places(flaggedOn, text, claim).stream().map(start -> (int) text.substring(0, start).chars()
                .filter(c -> c == '\n').count()).distinct().toList();
    }
}
