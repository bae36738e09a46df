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
import org.factdesk.shared.InputLimits;

/**
 * The text a scan reads, split the way detectors need it: paragraphs with their positions, which characters are
 * quoted speech, which paragraphs are embedded posts, and the words. Positions are indices into {@link #text()}, which
 * is either a whole article file (CLI, {@code POST /api/scan}) or a stored body (suggestions on an article).
 *
 * <p>A scan reads at most {@link #MAX_PARAGRAPHS} paragraphs, {@link #MAX_SCANNED_CHARS} characters in all and the
 * first {@link #MAX_PARAGRAPH_CHARS} characters of each paragraph, and a "word" longer than {@link #MAX_WORD}
 * characters is no word a detector can judge: whatever text arrives, the work of one scan stays bounded, and what
 * was left unread is said by {@link #truncated()}.
 */
public final class ScanDocument {

    /** Datelines are UK time; a time in the article with no other clue is read in this zone. */
    static final ZoneId DATELINE_ZONE = ZoneId.of("Europe/London");

    /** Paragraphs a scan reads, as many as an article may have. */
    static final int MAX_PARAGRAPHS = InputLimits.PARAGRAPHS;
    /** Characters a scan reads in one paragraph; news paragraphs are far shorter. */
    static final int MAX_PARAGRAPH_CHARS = 10_000;
    /** Characters a scan reads in all, as many as an article file may have. */
    static final int MAX_SCANNED_CHARS = InputLimits.ARTICLE_FILE;
    /** Longer runs of letters are codes, links or noise, and would make the name detector's edit distances huge. */
    static final int MAX_WORD = 100;

    /*
     * Possessive quantifiers throughout: java.util.regex backtracks a repeated group by recursion, one stack frame per
     * repetition, so a greedy group over a long word ("e\u0301" a thousand times, "a-a-a-...") overflows the stack.
     * Nothing follows that could make giving characters back succeed, so possessive matching finds the same words.
     */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]++(?:['’\\-][\\p{L}\\p{M}\\p{N}]++)*+");
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
    private final int[] paragraphStarts;
    private final int[] tokenStarts;
    private final int[] tokenEnds;
    private final boolean truncated;
    private final ScanDeadline deadline;

    private ScanDocument(String text, Spans spans, Instant publishedAt, ScanDeadline deadline) {
        this.text = text;
        this.publishedAt = publishedAt;
        this.deadline = deadline;
        this.truncated = spans.truncated;
        List<Paragraph> list = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            deadline.check();
            int[] span = spans.get(i);
            String paragraph = text.substring(span[0], span[1]);
            boolean attribution = ATTRIBUTION.matcher(paragraph).find();
            boolean nextIsAttribution = i + 1 < spans.size()
                    && ATTRIBUTION.matcher(text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1])).find();
            list.add(new Paragraph(i, span[0], span[1], paragraph, nextIsAttribution && !attribution, attribution));
        }
        this.paragraphs = Collections.unmodifiableList(list);
        this.paragraphStarts = list.stream().mapToInt(Paragraph::start).toArray();
        this.quoted = new BitSet(text.length());
        for (Paragraph paragraph : paragraphs) {
            markQuotations(paragraph);
        }
        List<Token> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        for (Paragraph paragraph : paragraphs) {
            deadline.check();
            m.region(paragraph.start(), paragraph.end());
            while (m.find()) {
                if (m.end() - m.start() <= MAX_WORD) {
                    words.add(new Token(m.start(), m.end(), m.group()));
                }
            }
        }
        this.tokens = Collections.unmodifiableList(words);
        this.tokenStarts = words.stream().mapToInt(Token::start).toArray();
        this.tokenEnds = words.stream().mapToInt(Token::end).toArray();
    }

    /**
     * The paragraphs a scan reads, in order, within the limits: the spans past {@link #MAX_PARAGRAPHS} or
     * {@link #MAX_SCANNED_CHARS} are left out and a paragraph is cut at {@link #MAX_PARAGRAPH_CHARS}.
     */
    private static final class Spans {

        private final String text;
        private final List<int[]> spans = new ArrayList<>();
        private int chars;
        private boolean truncated;

        Spans(String text) {
            this.text = text;
        }

        /** Adds a paragraph; false once the limits are reached, so the caller stops reading. */
        boolean add(int start, int end) {
            if (spans.size() >= MAX_PARAGRAPHS || chars >= MAX_SCANNED_CHARS) {
                truncated = true;
                return false;
            }
            int cap = Math.min(MAX_PARAGRAPH_CHARS, MAX_SCANNED_CHARS - chars);
            if (end - start > cap) {
                truncated = true;
                end = cut(start, start + cap);
            }
            spans.add(new int[] {start, end});
            chars += end - start;
            return true;
        }

        /** Where to cut a long paragraph at about {@code at}: before the word it would split, never inside a pair. */
        private int cut(int start, int at) {
            int space = at;
            while (space > start + (at - start) / 2 && !Character.isWhitespace(text.charAt(space))) {
                space--;
            }
            int end = Character.isWhitespace(text.charAt(space)) ? space : at;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return end > start ? end : at;
        }

        int size() {
            return spans.size();
        }

        int[] get(int i) {
            return spans.get(i);
        }
    }

    /**
     * A whole article file in the seed format; positions are indices into the file's full text. Only the body (line
     * 4 on) is scanned: the section, headline and dateline are metadata.
     */
    public static ScanDocument ofFile(String fileText) {
        return ofFile(fileText, ScanDeadline.none());
    }

    /** {@link #ofFile(String)}, read and scanned within {@code deadline}. */
    public static ScanDocument ofFile(String fileText, ScanDeadline deadline) {
        SeedFormat.Parsed parsed = SeedFormat.parse(fileText);
        Spans spans = new Spans(fileText);
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
                if (e > s && !spans.add(s, e)) {
                    break;
                }
            }
            if (newline < 0) {
                break;
            }
            at = newline + 1;
            line++;
        }
        return new ScanDocument(fileText, spans, parsed.publishedAt(), deadline);
    }

    /** A stored article body (paragraphs joined by {@code \n}); positions are indices into the body. */
    public static ScanDocument ofBody(String body, Instant publishedAt) {
        return ofBody(body, publishedAt, ScanDeadline.none());
    }

    /** {@link #ofBody(String, Instant)}, read and scanned within {@code deadline}. */
    public static ScanDocument ofBody(String body, Instant publishedAt, ScanDeadline deadline) {
        Spans spans = new Spans(body);
        int at = 0;
        while (at <= body.length()) {
            int newline = body.indexOf('\n', at);
            int end = newline < 0 ? body.length() : newline;
            if (!body.substring(at, end).isBlank() && !spans.add(at, end)) {
                break;
            }
            if (newline < 0) {
                break;
            }
            at = newline + 1;
        }
        return new ScanDocument(body, spans, publishedAt, deadline);
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

    /** True when the text was longer than a scan reads: its end, or the end of a long paragraph, was not scanned. */
    public boolean truncated() {
        return truncated;
    }

    /** The end of the last paragraph read: nothing after it is scanned. */
    int scannedEnd() {
        return paragraphs.isEmpty() ? 0 : paragraphs.get(paragraphs.size() - 1).end();
    }

    /** The scan's deadline: detectors check it between paragraphs and passes. */
    ScanDeadline deadline() {
        return deadline;
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
        int i = lastAtOrBefore(paragraphStarts, index);
        if (i < 0) {
            return null;
        }
        Paragraph paragraph = paragraphs.get(i);
        return index < paragraph.end() ? paragraph : null;
    }

    /** The words of one paragraph. */
    List<Token> tokens(Paragraph paragraph) {
        return tokensIn(paragraph.start(), paragraph.end());
    }

    /** The words that lie wholly between {@code start} and {@code end}. */
    List<Token> tokensIn(int start, int end) {
        int from = lastAtOrBefore(tokenStarts, start - 1) + 1;
        int to = lastAtOrBefore(tokenEnds, end) + 1;
        return from >= to ? List.of() : tokens.subList(from, to);
    }

    /** The place of {@code token} in {@link #tokens()}, or -1. */
    int indexOf(Token token) {
        int i = lastAtOrBefore(tokenStarts, token.start());
        return i >= 0 && tokens.get(i).equals(token) ? i : -1;
    }

    /** The index of the last value at most {@code key} in an ascending array, or -1. */
    private static int lastAtOrBefore(int[] ascending, int key) {
        int low = 0;
        int high = ascending.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (ascending[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    Suggestion suggest(String detector, org.factdesk.claim.Category category, int start, int end, String suggestion,
            String explanation, double confidence) {
        return new Suggestion(detector, category, start, end, text.substring(start, end), suggestion, explanation,
                confidence);
    }
}
