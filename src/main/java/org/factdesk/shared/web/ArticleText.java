package org.factdesk.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An article body cut into paragraphs and pieces, so a template can wrap the marked stretches (open claims,
 * detector suggestions) in {@code <mark>} without building HTML in Java. Each paragraph keeps its offset in the
 * body, which the page's selection script adds to a selection's offset to get the claim's start index.
 */
public final class ArticleText {

    /** A stretch of the body to mark: {@code start} inclusive, {@code end} exclusive, body indices. */
    public record Span(int start, int end, Mark mark) {
    }

    /**
     * What a mark says about its stretch: an id for {@code aria-describedby}, the kind (claim or suggestion), a CSS
     * modifier (the claim's state), a short label and the details shown on hover or focus.
     */
    public record Mark(String id, String kind, String modifier, String label, String details) {
    }

    /**
     * A piece of a paragraph; {@code mark} is null for plain text. {@code anchor} is the mark's id on the first piece
     * that shows it, so a link to {@code #claim-12} lands on the claim's words in the text; null on every other piece.
     */
    public record Piece(String text, Mark mark, String anchor) {

        public Piece(String text, Mark mark) {
            this(text, mark, null);
        }
    }

    public record Paragraph(int offset, List<Piece> pieces) {
    }

    private ArticleText() {
    }

    /** The body's paragraphs with the spans marked; a span overlapping an earlier one is left unmarked. */
    public static List<Paragraph> of(String body, List<Span> spans) {
        List<Span> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingInt(Span::start).thenComparing(s -> -s.end()));
        List<Span> kept = new ArrayList<>();
        int reached = 0;
        for (Span span : ordered) {
            if (span.start() >= reached && span.end() <= body.length() && span.start() < span.end()) {
                kept.add(span);
                reached = span.end();
            }
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        Set<String> anchored = new HashSet<>();
        int offset = 0;
        for (String text : body.split("\n", -1)) {
            int end = offset + text.length();
            List<Piece> pieces = new ArrayList<>();
            int at = offset;
            for (Span span : kept) {
                int from = Math.max(span.start(), offset);
                int to = Math.min(span.end(), end);
                if (from >= to) {
                    continue;
                }
                if (from > at) {
                    pieces.add(new Piece(body.substring(at, from), null));
                }
                String id = span.mark().id();
                pieces.add(new Piece(body.substring(from, to), span.mark(),
                        id != null && anchored.add(id) ? id : null));
                at = to;
            }
            if (at < end) {
                pieces.add(new Piece(body.substring(at, end), null));
            }
            paragraphs.add(new Paragraph(offset, pieces));
            offset = end + 1;
        }
        return paragraphs;
    }
}
