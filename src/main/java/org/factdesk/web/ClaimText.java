package org.factdesk.web;

import java.util.List;

import org.factdesk.claim.Claim;
import org.factdesk.publication.CorrectionText;

/**
 * Where a claim stands in today's text and what the text would read with its replacement: the preview the Verify
 * and Approve pages show, computed by publication's own {@link CorrectionText}.
 */
final class ClaimText {

    private ClaimText() {
    }

    /** Where the quote stands in {@code text}; empty when corrections since {@code flaggedOn} changed it. */
    static List<Integer> places(String flaggedOn, String text, Claim claim) {
        return CorrectionText.places(flaggedOn, text, claim);
    }

    /** {@code text} with the quote replaced at each of its places. */
    static String replaced(String flaggedOn, String text, Claim claim, String replacement) {
        return CorrectionText.replace(text, places(flaggedOn, text, claim), claim, replacement);
    }

    /** The paragraphs (0-based) that hold the quote. */
    static List<Integer> paragraphsOf(String flaggedOn, String text, Claim claim) {
        return places(flaggedOn, text, claim).stream().map(start -> (int) text.substring(0, start).chars()
                .filter(c -> c == '\n').count()).distinct().toList();
    }
}
