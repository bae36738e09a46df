package org.factdesk.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words the queue's search finds an open task by: the runs of letters and digits of its search text, each once,
 * as review_task_word holds them. A searched word finds a task when one of the task's words begins with it, so the
 * search looks each word up in that index (a range of it) instead of reading every open task's text.
 */
final class SearchWords {

    /** The longest word kept; a longer one is kept by its beginning, and a longer searched word looked up by it. */
    static final int MAX = 100;

    private SearchWords() {
    }

    /** The distinct words of an (already lower-cased) search text, in the order they first appear. */
    static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            for (String run : runs(text)) {
                words.add(cut(run));
            }
        }
        return List.copyOf(words);
    }

    /**
     * What a searched word is looked up by: its first run of letters and digits (at most {@link #MAX} of them), which
     * a task's word must begin with; null when the word has no letter or digit at all.
     */
    static String prefix(String searched) {
        List<String> runs = runs(searched);
        if (runs.isEmpty()) {
            return null;
        }
        return cut(runs.get(0));
    }

    /** The word's first {@link #MAX} characters, never half a surrogate pair. */
    private static String cut(String word) {
        if (word.length() <= MAX) {
            return word;
        }
        int end = Character.isHighSurrogate(word.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return word.substring(0, end);
    }

    /**
     * Whether the searched word is exactly its {@link #prefix}: then the index alone answers it; otherwise the stored
     * text must also contain the whole word (with its punctuation) as it is.
     */
    static boolean isPlain(String searched) {
        return searched.equals(prefix(searched));
    }

    private static List<String> runs(String text) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int point = i < text.length() ? text.codePointAt(i) : -1;
            boolean word = point >= 0 && Character.isLetterOrDigit(point);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                runs.add(text.substring(start, i));
                start = -1;
            }
            i += point >= 0 ? Character.charCount(point) : 1;
        }
        return runs;
    }
}
