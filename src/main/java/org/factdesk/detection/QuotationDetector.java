package org.factdesk.detection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import org.factdesk.claim.Category;

/**
 * Quotations reproduced with different wording or spelling: an embedded post or an earlier quotation against the
 * same words quoted again later ("self-defense" in the post, "self-defence" in the article's quote). The original is
 * the embedded post when there is one, otherwise the first quotation; the later copy is flagged with its wording.
 */
final class QuotationDetector implements Detector {

    /** How many words two passages must share, in order, before they count as one quotation. */
    private static final int MIN_SHARED = 5;
    /** A larger difference is a different sentence, not a slip in reproducing one. */
    private static final int MAX_CHANGED = 3;

    /** Words of someone else's text, with whether it is the published original (an embedded post). */
    private record Passage(List<ScanDocument.Token> words, boolean original) {

        List<String> keys() {
            return words.stream().map(ScanDocument.Token::lower).toList();
        }
    }

    @Override
    public String name() {
        return "quotations";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        List<Passage> passages = new ArrayList<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            if (paragraph.embeddedPost() && !document.tokens(paragraph).isEmpty()) {
                passages.add(new Passage(document.tokens(paragraph), true));
            }
        }
        for (int[] span : document.quotations()) {
            ScanDocument.Paragraph paragraph = document.paragraphAt(span[0]);
            if (paragraph != null && paragraph.embeddedPost()) {
                continue;
            }
            List<ScanDocument.Token> words = document.tokensIn(span[0], span[1]);
            if (words.size() >= MIN_SHARED) {
                passages.add(new Passage(words, false));
            }
        }
        passages.sort((a, b) -> Integer.compare(a.words().get(0).start(), b.words().get(0).start()));
        List<Suggestion> found = new ArrayList<>();
        Set<Integer> flagged = new HashSet<>();
        for (int i = 0; i < passages.size(); i++) {
            document.deadline().check();
            for (int j = i + 1; j < passages.size(); j++) {
                Passage x = passages.get(i);
                Passage y = passages.get(j);
                // The embedded post is the original even when the article quotes it before showing it.
                Passage original = y.original() && !x.original() ? y : x;
                Passage copy = original == x ? y : x;
                compare(document, original, copy, found, flagged);
            }
        }
        return found;
    }

    private void compare(ScanDocument document, Passage original, Passage copy, List<Suggestion> found,
            Set<Integer> flagged) {
        List<String> a = original.keys();
        List<String> b = copy.keys();
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
        int changedInCopy = deltas.stream().mapToInt(d -> d.getTarget().size()).sum();
        int shared = b.size() - changedInCopy;
        if (shared < MIN_SHARED || shared < 0.6 * Math.min(a.size(), b.size())) {
            return;
        }
        for (AbstractDelta<String> delta : deltas) {
            int from = delta.getTarget().getPosition();
            int size = delta.getTarget().size();
            // Only differences inside the shared passage: the copy may quote less than the whole original.
            if (from == 0 || from + size >= b.size() || delta.getSource().getPosition() == 0
                    || delta.getSource().getPosition() + delta.getSource().size() >= a.size()
                    || size > MAX_CHANGED || delta.getSource().size() > MAX_CHANGED) {
                continue;
            }
            String originalWords = words(document, original.words(), delta.getSource().getPosition(),
                    delta.getSource().size());
            int start;
            int end;
            String replacement;
            if (delta.getType() == DeltaType.DELETE) {
                ScanDocument.Token before = copy.words().get(from - 1);
                start = before.start();
                end = before.end();
                replacement = before.text() + " " + originalWords;
            } else {
                start = copy.words().get(from).start();
                end = copy.words().get(from + size - 1).end();
                replacement = delta.getType() == DeltaType.INSERT ? null : originalWords;
            }
            if (!flagged.add(start)) {
                continue;
            }
            String source = original.original() ? "the embedded post" : "the first quotation";
            String quote = document.text().substring(start, end);
            found.add(document.suggest(name(), Category.QUOTE, start, end, replacement,
                    delta.getType() == DeltaType.INSERT ? "'" + quote + "' is not in " + source + " this quotes."
                            : source.substring(0, 1).toUpperCase() + source.substring(1) + " says '" + originalWords
                            + "'; a quotation must reproduce it exactly.", 0.8));
        }
    }

    private static String words(ScanDocument document, List<ScanDocument.Token> tokens, int from, int size) {
        if (size == 0) {
            return "";
        }
        return document.text().substring(tokens.get(from).start(), tokens.get(from + size - 1).end());
    }
}
