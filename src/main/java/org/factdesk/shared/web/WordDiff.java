package org.factdesk.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import org.factdesk.shared.ParagraphDiff;

/** Word-level differences between two texts (java-diff-utils), as pieces a template can show one by one. */
public final class WordDiff {

    /**
     * Numbers with their separators ("12,000", "1.30", "10:30"), words, runs of spaces and single punctuation marks:
     * the units a reader sees change.
     */
    private static final Pattern TOKEN = Pattern.compile("\\d+(?:[.,:]\\d+)*|\\w+(?:['’]\\w+)*|\\s+|[^\\w\\s]",
            Pattern.UNICODE_CHARACTER_CLASS);

    /** One piece of a diff: text that stayed, was removed or was added. */
    public record Piece(Kind kind, String text) {
        public boolean isSame() {
            return kind == Kind.SAME;
        }

        public boolean isRemoved() {
            return kind == Kind.REMOVED;
        }

        public boolean isAdded() {
            return kind == Kind.ADDED;
        }
    }

    public enum Kind { SAME, REMOVED, ADDED }

    /** A changed paragraph of a longer text, as pieces. */
    public record Paragraph(int number, List<Piece> pieces) {
    }

    private WordDiff() {
    }

    public static List<Piece> between(String before, String after) {
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            add(pieces, Kind.SAME, String.join("", from.subList(at, start)));
            if (delta.getType() != DeltaType.INSERT) {
                add(pieces, Kind.REMOVED, String.join("", delta.getSource().getLines()));
            }
            if (delta.getType() != DeltaType.DELETE) {
                add(pieces, Kind.ADDED, String.join("", delta.getTarget().getLines()));
            }
            at = start + delta.getSource().size();
        }
        add(pieces, Kind.SAME, String.join("", from.subList(at, from.size())));
        return pieces;
    }

    /**
     * The paragraphs that differ between two bodies (paragraphs separated by {@code \n}), each as a word diff;
     * unchanged paragraphs are left out. Paragraph numbers count from 1 in the newer text.
     */
    public static List<Paragraph> changedParagraphs(String before, String after) {
        List<Paragraph> changed = new ArrayList<>();
        for (ParagraphDiff.Change change : ParagraphDiff.between(before, after)) {
            List<String> removed = change.removed();
            List<String> added = change.added();
            int number = change.number();
            if (removed.size() == added.size()) {
                for (int i = 0; i < removed.size(); i++) {
                    changed.add(new Paragraph(number + i, between(removed.get(i), added.get(i))));
                }
                continue;
            }
            for (String paragraph : removed) {
                changed.add(new Paragraph(number, List.of(new Piece(Kind.REMOVED, paragraph))));
            }
            for (int i = 0; i < added.size(); i++) {
                changed.add(new Paragraph(number + i, List.of(new Piece(Kind.ADDED, added.get(i)))));
            }
        }
        return changed;
    }

    private static void add(List<Piece> pieces, Kind kind, String text) {
        if (!text.isEmpty()) {
            pieces.add(new Piece(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
