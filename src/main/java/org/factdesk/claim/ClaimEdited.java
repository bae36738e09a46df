package org.factdesk.claim;

import java.time.Instant;

/**
 * An editor changed a part of a verified claim on approving it ({@code field}: the notice or the corrected words),
 * from {@code before} to {@code after}; published inside the transaction that stored it, for the audit log.
 */
public record ClaimEdited(long claimId, long articleId, String editor, Instant at, Field field, String before,
        String after) {

    /** The parts of a verified claim an editor may change. */
    public enum Field {
        NOTICE("the notice"), REPLACEMENT("the corrected text");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The part in the words an audit entry reads ("edith changed the notice"). */
        public String label() {
            return label;
        }
    }

    /** The entry's words: "edith changed the notice: “before” → “after”". */
    public String detail() {
        return editor + " changed " + field.label() + ": \u201c" + (before == null ? "" : before) + "\u201d \u2192 \u201c"
                + (after == null ? "" : after) + "\u201d";
    }
}
