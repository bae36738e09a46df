package org.factdesk.shared;

import org.springframework.http.HttpStatus;

/**
 * The limits on what people send FactDesk, in one place, so that the API, the pages and the engine's own listeners
 * check the same numbers before anything is written. Each limit leaves room for the text FactDesk adds around the
 * value when it stores it (an audit entry's detail is at most 4,000 characters and may hold a replacement and a
 * note together; a published notice carries its dated prefix).
 */
public final class InputLimits {

    /** A flagged quote; stored whole with the claim and in its audit entry. */
    public static final int QUOTE = 2_000;
    /** A proposed or verified replacement for the quote. */
    public static final int REPLACEMENT = 1_000;
    /** The note a flagger leaves with a claim. */
    public static final int FLAG_NOTE = 2_000;
    /** A fact-checker's note on the verdict, and an editor's comment on the decision. */
    public static final int NOTE = 3_000;
    /** The correction notice readers see, before FactDesk adds "Correction, <date>: ". */
    public static final int NOTICE = 3_000;
    /** An article's headline. */
    public static final int HEADLINE = 1_000;
    /** An article's section or a source name. */
    public static final int NAME = 200;
    /** An article's whole body, in characters. */
    public static final int ARTICLE_BODY = 200_000;
    /** Paragraphs in one article. */
    public static final int PARAGRAPHS = 2_000;
    /** A whole article file sent for import or for a scan, in characters. */
    public static final int ARTICLE_FILE = 250_000;
    /** A choice from a fixed list sent as text (a category, a severity, a scope): far longer than any choice. */
    public static final int CHOICE = 50;
    /**
     * A whole request body, in bytes, refused before it is read. An article file at its limit is at most 750,000
     * bytes of UTF-8 (three bytes a character outside the supplementary planes); a JSON form is far smaller.
     */
    public static final int REQUEST_BYTES = 1_048_576;

    private InputLimits() {
    }

    /**
     * Refuses a value that is longer than {@code max} characters or holds characters no text may hold (NUL and other
     * control characters but tab and line ends, and halves of a surrogate pair). A null value passes: whether a field
     * is required is the caller's rule.
     */
    public static String check(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw ProblemException.badRequest("field-too-long", "'" + field + "' is " + value.length()
                    + " characters long; the limit is " + max + ". Shorten it and send it again.")
                    .with("field", field).with("limit", max);
        }
        requireClean(field, value);
        return value;
    }

    /** Refuses a text over {@code max} characters with 413, as a whole request body too large to take. */
    public static String checkBody(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "'" + field + "' is "
                    + value.length() + " characters long; FactDesk takes at most " + max + ".");
        }
        requireClean(field, value);
        return value;
    }

    /** Refuses NUL and other control characters (tab, CR and LF are text) and unpaired surrogates. */
    public static void requireClean(String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw ProblemException.badRequest("invalid-characters", "'" + field + "' holds half of a surrogate "
                        + "pair at index " + i + "; send well-formed UTF-16 (valid UTF-8 on the wire).")
                        .with("field", field);
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw ProblemException.badRequest("invalid-characters", "'" + field + "' holds the control character "
                        + String.format("U+%04X", (int) c) + " at index " + i + "; remove it.")
                        .with("field", field);
            }
        }
    }
}
