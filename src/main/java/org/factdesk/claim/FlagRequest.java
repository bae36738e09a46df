package org.factdesk.claim;

/**
 * What a fact-checker or editor says when flagging: the exact quote and which of its places is meant — one
 * {@code occurrence} (1 is the first), a {@code start} index, or {@code scope: "ALL"} — with a category, an optional
 * severity (MEDIUM when absent), a proposed replacement and a note.
 */
public record FlagRequest(String quote, Integer occurrence, Integer start, String scope, String category,
        String severity, String replacement, String note) {

    public static final String SCOPE_ALL = "ALL";
}
