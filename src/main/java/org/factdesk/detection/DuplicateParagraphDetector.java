package org.factdesk.detection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

import org.factdesk.claim.Category;

/**
 * Paragraphs that appear twice, usually a slip of copy and paste. Quote marks and spacing do not count, but a
 * paragraph that only repeats an embedded post inside quotation marks is quoting it, not duplicating it.
 */
final class DuplicateParagraphDetector implements Detector {

    /** Short lines ("He said:", a byline) may legitimately repeat. */
    private static final int MIN_WORDS = 6;

    @Override
    public String name() {
        return "duplicate-paragraphs";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        Map<String, ScanDocument.Paragraph> seen = new HashMap<>();
        List<Suggestion> found = new ArrayList<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            document.deadline().check();
            if (paragraph.attribution() || paragraph.text().split("\\s+").length < MIN_WORDS) {
                continue;
            }
            String key = paragraph.text().replaceAll("\\s+", " ").strip();
            ScanDocument.Paragraph first = seen.putIfAbsent(key, paragraph);
            if (first != null) {
                found.add(document.suggest(name(), Category.DUPLICATE, paragraph.start(), paragraph.end(), null,
                        "This paragraph repeats paragraph " + (first.index() + 1) + " word for word; delete one copy.",
                        0.95));
            }
        }
        return found;
    }
}
