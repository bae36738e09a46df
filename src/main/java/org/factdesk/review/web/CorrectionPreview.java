package org.factdesk.review.web;

import java.util.List;

import org.factdesk.article.CorrectionKind;
import org.factdesk.article.CorrectionNotice;
import org.factdesk.claim.Claim;
import org.factdesk.publication.CorrectionText;
import org.factdesk.shared.web.WordDiff;

/**
 * What a claim would publish with the words and the notice as typed on its task page: the word diff of the
 * paragraphs it changes, computed with publication's own {@link CorrectionText}, and the notice as readers will read
 * it; with a line in plain words where there is nothing to show. Verify claim and Approve correction show it when the
 * page opens and each time the script asks for it again.
 */
public record CorrectionPreview(List<WordDiff.Paragraph> diff, String diffNote, CorrectionNotice notice, String noticeNote) {

    static CorrectionPreview of(Claim claim, String flaggedOn, String current, CorrectionKind kind,
            String replacement, String notice, String dateline) {
        CorrectionKind shown = kind == null ? CorrectionKind.CORRECTION : kind;
        String words = replacement == null ? "" : replacement.strip();
        List<WordDiff.Paragraph> diff = List.of();
        String diffNote = null;
        if (!shown.changesText()) {
            diffNote = "A " + shown.label().toLowerCase(java.util.Locale.ROOT) + " changes no words; the text stays "
                    + "as it is and readers get the notice.";
        } else if (claim.placesIn(flaggedOn, current).isEmpty()) {
            diffNote = "The quote is no longer in the current text, so there is nothing to change.";
        } else if (words.isEmpty()) {
            diffNote = "Type the corrected text to see the change here.";
        } else if (words.equals(claim.quote())) {
            diffNote = "The corrected text is the same as the quote: nothing would change.";
        } else {
            diff = WordDiff.changedParagraphs(current, CorrectionText.replaced(flaggedOn, current, claim, words));
        }
        String text = notice == null ? "" : notice.strip();
        String noticeNote = null;
        if (!shown.hasPublicNotice()) {
            noticeNote = "A " + shown.label().toLowerCase(java.util.Locale.ROOT) + " has no public notice; readers "
                    + "are not told of it.";
        } else if (text.isEmpty()) {
            noticeNote = "Write the notice to see it as readers will.";
        }
        return new CorrectionPreview(diff, diffNote, new CorrectionNotice(shown, dateline, text), noticeNote);
    }
}
