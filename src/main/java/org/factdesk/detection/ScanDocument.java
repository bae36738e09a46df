package org.factdesk.detection;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.article.SeedFormat;

/**
 * The text a scan reads, split the way detectors need it: paragraphs with their positions, which characters are
 * quoted speech, which paragraphs are embedded posts, and the words. Positions are indices into {@link #text()}, which
 * is either a whole article file (CLI, {@code POST /api/scan}) or a stored body (suggestions on an article).
 */
public final class ScanDocument {

    /** Datelines are UK time; a time in the article with no other clue is read in this zone. */
    static final ZoneId DATELINE_ZONE = ZoneId.of("Europe/London");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*");
    /** "— Javad Zarif (@JZarif) January 8, 2020": the line under an embedded social media post. */
    private static final Pattern ATTRIBUTION = Pattern.compile("^[—–-]\\s*[^\\n]{0,80}\\(@\\w+\\)");

    /** A paragraph: one line of the article body. */
    public record Paragraph(int index, int start, int end, String text, boolean embeddedPost, boolean attribution) {
    }

    /** A word with its place in the text. */
    public record Token(int start, int end, String text) {

        boolean capitalised() {
            return Character.isUpperCase(text.charAt(0));
        }

        String lower() {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String text;
    private final List<Paragraph> paragraphs;
    private final Instant publishedAt;
    private final BitSet quoted;
    private final List<Token> tokens;

    private ScanDocument(String text, List<int[]> spans, Instant publishedAt) {
        this.text = text;
        this.publishedAt = publishedAt;
        List<Paragraph> list = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            String paragraph = text.substring(span[0], span[1]);
            boolean attribution = ATTRIBUTION.matcher(paragraph).find();
            boolean nextIsAttribution = i + 1 < spans.size()
                    && ATTRIBUTION.matcher(text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1])).find();
            list.add(new Paragraph(i, span[0], span[1], paragraph, nextIsAttribution && !attribution, attribution));
        }
        this.paragraphs = Collections.unmodifiableList(list);
        this.quoted = new BitSet(text.length());
        for (Paragraph paragraph : paragraphs) {
            markQuotations(paragraph);
        }
        List<Token> words = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            Matcher m = WORD.matcher(text).region(paragraph.start(), paragraph.end());
            while (m.find()) {
                words.add(new Token(m.start(), m.end(), m.group()));
            }
        }
        this.tokens = Collections.unmodifiableList(words);
    }

    /**
     * A whole article file in the seed format; positions are indices into the file's full text. Only the body (line
     * 4 on) is scanned: the section, headline and dateline are metadata.
     */
    public static ScanDocument ofFile(String fileText) {
        SeedFormat.Parsed parsed = SeedFormat.parse(fileText);
        List<int[]> spans = new ArrayList<>();
        int line = 0;
        int at = 0;
        while (at <= fileText.length()) {
            int newline = fileText.indexOf('\n', at);
            int end = newline < 0 ? fileText.length() : newline;
            if (line >= 3) {
                int s = at;
                int e = end;
                while (s < e && Character.isWhitespace(fileText.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(fileText.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    spans.add(new int[] {s, e});
                }
            }
            if (newline < 0) {
                break;
            }
            at = newline + 1;
            line++;
        }
        return new ScanDocument(fileText, spans, parsed.publishedAt());
    }

    /** A stored article body (paragraphs joined by {@code \n}); positions are indices into the body. */
    public static ScanDocument ofBody(String body, Instant publishedAt) {
        List<int[]> spans = new ArrayList<>();
        int at = 0;
        for (String line : body.split("\n", -1)) {
            if (!line.isBlank()) {
                spans.add(new int[] {at, at + line.length()});
            }
            at += line.length() + 1;
        }
        return new ScanDocument(body, spans, publishedAt);
    }

    /**
     * Marks quoted speech. Curly quotes say which way they go; a straight quote toggles. A paragraph that opens a
     * quotation and never closes it is quoted to its end, as news copy continues a quote into the next paragraph.
     */
    private void markQuotations(Paragraph paragraph) {
        int openedAt = -1;
        for (int i = paragraph.start(); i < paragraph.end(); i++) {
            char c = text.charAt(i);
            boolean opens = c == '“' || (c == '"' && openedAt < 0);
            boolean closes = c == '”' || (c == '"' && openedAt >= 0);
            if (opens && openedAt < 0) {
                openedAt = i;
            } else if (closes && openedAt >= 0) {
                quoted.set(openedAt, i + 1);
                openedAt = -1;
            }
        }
        if (openedAt >= 0) {
            quoted.set(openedAt, paragraph.end());
        }
    }

    public String text() {
        return text;
    }

    public List<Paragraph> paragraphs() {
        return paragraphs;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** True when the character at {@code index} is inside quotation marks. */
    public boolean quoted(int index) {
        return quoted.get(index);
    }

    /** The quoted stretches of the text, each from its opening mark to its closing one (or its paragraph's end). */
    List<int[]> quotations() {
        List<int[]> spans = new ArrayList<>();
        for (int i = quoted.nextSetBit(0); i >= 0; ) {
            int end = quoted.nextClearBit(i);
            spans.add(new int[] {i, end});
            i = quoted.nextSetBit(end);
        }
        return spans;
    }

    /** True when the text at {@code index} is someone else's words: a quotation, an embedded post or its byline. */
    public boolean reported(int index) {
        if (quoted(index)) {
            return true;
        }
        Paragraph paragraph = paragraphAt(index);
        return paragraph != null && (paragraph.embeddedPost() || paragraph.attribution());
    }

    public Paragraph paragraphAt(int index) {
        for (Paragraph paragraph : paragraphs) {
            if (index >= paragraph.start() && index < paragraph.end()) {
                return paragraph;
            }
        }
        return null;
    }

    /** The words of one paragraph. */
    List<Token> tokens(Paragraph paragraph) {
        return tokens.stream().filter(t -> t.start() >= paragraph.start() && t.end() <= paragraph.end()).toList();
    }

    Suggestion suggest(String detector, org.factdesk.claim.Category category, int start, int end, String suggestion,
            String explanation, double confidence) {
        return new Suggestion(detector, category, start, end, text.substring(start, end), suggestion, explanation,
                confidence);
    }
}
