package org.factdesk.shared;

import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * What changed between two article bodies, paragraph by paragraph (paragraphs are separated by {@code \n}), computed
 * once with java-diff-utils for every reader of it: the audit entry of a publication, the pages' word diffs and the
 * unified diff of a claim's bundle.
 */
public final class ParagraphDiff {

    /**
     * One stretch of changed paragraphs: {@code number} is where it stands in the newer text (1 is the first
     * paragraph), {@code removed} the paragraphs of the older text, {@code added} those of the newer.
     */
    public record Change(int number, List<String> removed, List<String> added) {
    }

    /** The older and the newer text of every changed paragraph, each joined by {@code \n}; both null if none. */
    public record Excerpt(String before, String after) {
    }

    private ParagraphDiff() {
    }

    public static List<Change> between(String before, String after) {
        return patch(before, after).getDeltas().stream().map(ParagraphDiff::change).toList();
    }

    /** Just the paragraphs that changed, before and after: what the audit log keeps of a publication. */
    public static Excerpt excerpt(String before, String after) {
        List<Change> changes = between(before, after);
        if (changes.isEmpty()) {
            return new Excerpt(null, null);
        }
        return new Excerpt(String.join("\n", changes.stream().flatMap(c -> c.removed().stream()).toList()),
                String.join("\n", changes.stream().flatMap(c -> c.added().stream()).toList()));
    }

    /** A unified diff with one paragraph of context, as reviewers read it, between two named versions. */
    public static String unified(String beforeName, String before, String afterName, String after) {
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, paragraphs(before),
                patch(before, after), 1);
        return String.join("\n", lines);
    }

    private static Patch<String> patch(String before, String after) {
        return DiffUtils.diff(paragraphs(before), paragraphs(after));
    }

    private static List<String> paragraphs(String body) {
        return List.of(body.split("\n", -1));
    }

    private static Change change(AbstractDelta<String> delta) {
        return new Change(delta.getTarget().getPosition() + 1, delta.getSource().getLines(),
                delta.getTarget().getLines());
    }
}
