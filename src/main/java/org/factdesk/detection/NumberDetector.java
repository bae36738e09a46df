package org.factdesk.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.claim.Category;

/**
 * Numbers that do not add up: parts against the total they break down ("15 missiles were fired, with 10 ..., one
 * ... and another four ...") and one quantity given two values ("killed 14 people" and later "12 people were
 * killed"). Hedged figures ("more than", "at least", "about") are estimates and left alone.
 */
final class NumberDetector implements Detector {

    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    /*
     * Possessive quantifiers here and below: java.util.regex repeats a group by recursion, a stack frame for each
     * repetition, and backtracks into a greedy one character by character. A number shorter than the digits written is
     * refused by the look-ahead after it anyway, so never giving digits back finds the same counts in linear time.
     */
    private static final String NUMBER = "(?:\\d{1,3}+(?:,\\d{3})++|\\d++|" + String.join("|", WORDS) + ")";
    /** A hedge stands right before its figure: only this much of the text before a count is read for one. */
    private static final int HEDGE_WINDOW = 40;
    private static final Pattern HEDGE = Pattern.compile(
            "(?i)(?:more than|less than|fewer than|at least|at most|about|around|nearly|almost|over|some|up to"
                    + "|approximately|roughly|estimated|an estimated|under)\\s+$");
    /** A count of things: a number, perhaps one describing word, and a plural noun. */
    private static final Pattern QUANTITY = Pattern.compile(
            "(?i)(?<![\\w.,£$€-])(?<n>" + NUMBER + ")(?![\\w.,%]*\\d)\\s+(?:(?<adj>[a-z]+)\\s+)?(?<noun>[a-z]+s|people|children|men|women|staff|police|personnel|crew)\\b");
    private static final Pattern PART = Pattern.compile(
            "(?i)(?:\\bwith|\\bincluding|,|\\band|:)\\s+(?:another\\s+|a further\\s+|the other\\s+)?(?<n>" + NUMBER
                    + ")\\b(?!\\s*(?:%|per ?cent|miles|km|kilomet|metres|meters|feet|years|days|hours|minutes|[ap]\\.?m))");
    /**
     * A sentence: up to a full stop, question or exclamation mark that is not a decimal point ("3.5 million"). Written
     * as runs of characters rather than "(one character or a decimal point) repeated", which recursed once per
     * character and overflowed the stack on a long paragraph without a full stop.
     */
    private static final Pattern SENTENCE = Pattern.compile(
            "(?=[^.!?]|[.!?]\\d)[^.!?]*+(?:[.!?](?=\\d)[^.!?]*+)*+(?:[.!?]|$)");
    private static final Pattern BREAKDOWN = Pattern.compile(
            "(?i)(?:,\\s*with\\b|\\bincluding\\b|:|\\bof (?:them|whom|which)\\b)");
    private static final Pattern WORD_AFTER = Pattern.compile("\\S++");
    private static final Pattern EVENT_VERB = Pattern.compile("(?i)\\b([a-z]{3,}ed)\\b");
    private static final java.util.Set<String> UNITS = java.util.Set.of("years", "days", "hours", "minutes",
            "seconds", "miles", "kilometres", "kilometers", "metres", "meters", "feet", "weeks", "months", "times",
            "percent", "decades", "pounds", "dollars", "euros");

    /** One count of something, with the verb that says what happened to it. */
    private record Count(int start, int end, long value, String noun, String verb) {
    }

    @Override
    public String name() {
        return "numbers";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        List<Suggestion> found = new ArrayList<>();
        Map<String, Count> firstCounts = new HashMap<>();
        String text = document.text();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            Matcher sentence = SENTENCE.matcher(text).region(paragraph.start(), paragraph.end());
            while (sentence.find()) {
                document.deadline().check();
                String s = sentence.group();
                int offset = sentence.start();
                partsAgainstTotal(document, s, offset, found);
                Matcher q = QUANTITY.matcher(s);
                while (q.find()) {
                    String noun = q.group("noun").toLowerCase(Locale.ROOT);
                    if (UNITS.contains(noun) || hedged(s, q.start())) {
                        continue;
                    }
                    long value = value(q.group("n"));
                    String verb = verbNear(s, q.start(), q.end());
                    if (verb == null || value > 1_000_000 || (value >= 1900 && value <= 2100)) {
                        continue;
                    }
                    String key = noun + "|" + verb + "|" + (q.group("adj") == null ? "" : q.group("adj")
                            .toLowerCase(Locale.ROOT));
                    Count count = new Count(offset + q.start("n"), offset + q.end("noun"), value, noun, verb);
                    Count first = firstCounts.putIfAbsent(key, count);
                    if (first != null && first.value() != value) {
                        found.add(document.suggest(name(), Category.NUMBER, count.start(), count.end(),
                                text.substring(first.start(), first.end()),
                                "Earlier the article says '" + text.substring(first.start(), first.end()) + "' "
                                        + verb + "; here it is " + value + ". One of them is wrong.", 0.7));
                    }
                }
            }
        }
        return found;
    }

    /** "15 missiles were fired, with 10 ..., one ... and another four ...": the parts should make the total. */
    private void partsAgainstTotal(ScanDocument document, String s, int offset, List<Suggestion> found) {
        Matcher total = QUANTITY.matcher(s);
        if (!total.find() || hedged(s, total.start())
                || UNITS.contains(total.group("noun").toLowerCase(Locale.ROOT))) {
            return;
        }
        String rest = s.substring(total.end());
        int marker = indexOfBreakdown(rest);
        if (marker < 0) {
            return;
        }
        Matcher part = PART.matcher(rest).region(marker, rest.length());
        long sum = 0;
        int parts = 0;
        while (part.find()) {
            sum += value(part.group("n"));
            parts++;
        }
        long value = value(total.group("n"));
        if (parts >= 2 && sum != value) {
            found.add(document.suggest(name(), Category.NUMBER, offset + total.start("n"), offset + total.end("noun"),
                    sum + " " + total.group("noun"), "The parts listed after it add up to " + sum + ", not " + value
                            + ".", 0.75));
        }
    }

    private static int indexOfBreakdown(String rest) {
        Matcher m = BREAKDOWN.matcher(rest);
        return m.find() ? m.start() : -1;
    }

    /** "more than 15 missiles": a hedge just before the figure at {@code at}. */
    private static boolean hedged(String s, int at) {
        return HEDGE.matcher(s.substring(Math.max(0, at - HEDGE_WINDOW), at)).find();
    }

    /** The past-tense verb that tells what happened to the count: just before it or within four words after. */
    private static String verbNear(String s, int start, int end) {
        Matcher before = EVENT_VERB.matcher(s.substring(Math.max(0, start - 15), start));
        String verb = null;
        while (before.find()) {
            verb = before.group(1);
        }
        if (verb != null) {
            return verb.toLowerCase(Locale.ROOT);
        }
        // The next four words only, not the whole rest of a long sentence for every count in it.
        Matcher word = WORD_AFTER.matcher(s).region(end, s.length());
        for (int i = 0; i < 4 && word.find(); i++) {
            Matcher m = EVENT_VERB.matcher(word.group());
            if (m.find()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static long value(String number) {
        int word = WORDS.indexOf(number.toLowerCase(Locale.ROOT));
        return word >= 0 ? word : Long.parseLong(number.replace(",", ""));
    }
}
