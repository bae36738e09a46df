package org.factdesk.publication;

import org.factdesk.article.CorrectionKind;
import org.factdesk.article.CorrectionNotice;
import org.factdesk.claim.Claim;

/**
 * First drafts of the notice readers will see, written from the claim so the fact-checker edits a sentence instead
 * of starting from nothing, and the notice as it will read once published. Publication puts the heading
 * ("Correction, <time>") in front of the text ({@link CorrectionNotice}).
 */
public final class NoticeDrafts {

    private NoticeDrafts() {
    }

    /** The draft of a correction's notice. */
    public static String correction(Claim claim) {
        String quote = claim.quote();
        String fixed = claim.replacement();
        if (fixed == null) {
            return "An earlier version of this article said \u201c" + quote + "\u201d, which was wrong.";
        }
        return switch (claim.category()) {
            case TYPO -> "An earlier version of this article said \u201c" + quote + "\u201d where it meant \u201c"
                    + fixed + "\u201d.";
            case NAME -> "An earlier version of this article misspelled the name " + fixed + " as \u201c" + quote
                    + "\u201d.";
            case TIME -> "An earlier version of this article gave the time as \u201c" + quote + "\u201d; it was "
                    + fixed + ".";
            case NUMBER -> "An earlier version of this article gave the figure as \u201c" + quote
                    + "\u201d; the correct figure is " + fixed + ".";
            case QUOTE -> "An earlier version of this article misquoted \u201c" + fixed + "\u201d as \u201c" + quote
                    + "\u201d.";
            case DUPLICATE -> "An earlier version of this article repeated \u201c" + quote + "\u201d.";
            case FACTUAL -> "An earlier version of this article said \u201c" + quote + "\u201d. It should have said \u201c"
                    + fixed + "\u201d.";
        };
    }

    /** The draft of a clarification's notice. */
    public static String clarification(Claim claim) {
        // Without the flagger's wording, the draft stops where the fact-checker's own words begin.
        return "\u201c" + claim.quote() + "\u201d is reported as it was given."
                + (claim.replacement() == null || claim.replacement().isBlank() ? "" : " " + claim.replacement());
    }

    /**
     * The notice the verified claim would publish if it went out at {@code dateline}: what the editor approves, as
     * readers will read it. Empty text for a claim without a verdict that publishes.
     */
    public static CorrectionNotice preview(Claim claim, String dateline) {
        CorrectionKind kind = claim.kindOfUpdate() == null ? CorrectionKind.CORRECTION : claim.kindOfUpdate();
        String text = claim.publishedNotice() == null ? "" : claim.publishedNotice();
        return new CorrectionNotice(kind, dateline, text);
    }
}
