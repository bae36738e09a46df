package org.factdesk.review.web;

import java.util.Locale;

import org.factdesk.shared.Refusal;

/**
 * What the review pages share in reading a form and answering a refusal: a choice read leniently (a page falls back
 * to its default where the engine will say what is wrong), and the refusals every review page can meet, in words.
 */
final class PageWords {

    private PageWords() {
    }

    /** The constant a form's value names in any case, or null for none or an unknown one. */
    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A refusal of a step on a task, as the person who tried it reads it. */
    static String explain(Refusal refusal) {
        return switch (refusal.type()) {
            case "task-already-claimed" -> "Someone else got there first: "
                    + refusal.message().replace("'", "\u2018").replaceFirst("\u2018 is", "\u2019 is")
                    + " It has left your queue.";
            case "task-not-found" -> "This task is no longer open: someone has completed it already.";
            case "task-changed-hands", "concurrent-change" -> "Someone else changed this task a moment ago, so it was "
                    + "not assigned. Look at it again and choose once more.";
            default -> refusal.message().replace("'", "\u2019");
        };
    }
}
