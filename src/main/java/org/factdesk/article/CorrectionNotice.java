package org.factdesk.article;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The notice readers see under a corrected article: its kind, when it was published in the newsroom's words (the
 * dateline, "8 January 2020, 08:34 GMT") and what readers are told. Written once as
 * {@code "Correction, <dateline>: <text>"}, and kept in its parts so no page has to take that sentence apart again.
 */
public record CorrectionNotice(CorrectionKind kind, String dateline, String text) {

    /** "Correction, 8 January 2020, 08:34 GMT": the part a page sets in bold. */
    public String heading() {
        return kind.label() + ", " + dateline;
    }

    /** The whole notice as published, stored, fed and exported. */
    @JsonValue
    public String full() {
        return heading() + ": " + text;
    }

    @Override
    public String toString() {
        return full();
    }
}
