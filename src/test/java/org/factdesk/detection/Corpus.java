package org.factdesk.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The labelled corpus in {@code src/test/resources/detection-corpus}: each {@code NAME.txt} article in the seed format
 * has a {@code NAME.labels} file, one error a line — {@code KIND<TAB>exact quote[<TAB>occurrence]} — and scoring
 * compares a scanner's suggestions with those spans.
 */
final class Corpus {

    static final Path DIR = Path.of("src/test/resources/detection-corpus");
    /** Published news text nobody here wrote, with real errors; {@code MANIFEST.tsv} there says where each came from. */
    static final Path REAL_DIR = Path.of("src/test/resources/detection-corpus-real");
    /**
     * More published text nobody here wrote (GUM's travel guides, how-to guides and biographies), for tuning
     * precision: development only by construction, as {@link #heldOut()} never reads this folder.
     */
    static final Path POOL_DIR = Path.of("src/test/resources/detection-corpus-pool");
    /**
     * A second held-out set of published GUM texts, labelled only with the errors GUM itself marks: nobody tunes
     * detectors on it, so nothing outside {@code FreshCorpusShapeTest} reads it until it is scored once.
     */
    static final Path FRESH_DIR = Path.of("src/test/resources/detection-corpus-fresh");

    /** Which error kind each detector reports, for precision per kind. */
    static final Map<String, String> KIND_OF_DETECTOR = Map.ofEntries(Map.entry("languagetool", "SPELLING"),
            Map.entry("name-variants", "NAME"), Map.entry("real-word", "REAL_WORD"), Map.entry("context", "REAL_WORD"),
            Map.entry("repeated-words", "REPEATED"), Map.entry("times", "TIME"), Map.entry("numbers", "NUMBER"),
            Map.entry("duplicate-paragraphs", "DUPLICATE"), Map.entry("quotations", "QUOTE"),
            Map.entry("contractions", "SPELLING"), Map.entry("agreement", "SPELLING"));
    static final List<String> KINDS = List.of("SPELLING", "NAME", "REAL_WORD", "REPEATED", "TIME", "NUMBER",
            "DUPLICATE", "QUOTE");

    /** A labelled error: its kind and span in the file's text. */
    record Label(String kind, int start, int end, String quote) {
    }

    /** One article of the corpus. */
    record Article(String name, String text, List<Label> labels) {
    }

    /** Per kind: labels, labels found, suggestions, suggestions that hit a label. */
    static final class Tally {
        int labels;
        int found;
        int suggestions;
        int hits;
    }

    /** The outcome of scoring: tallies per kind and every miss and false alarm, named. */
    record Score(Map<String, Tally> perKind, List<String> misses, List<String> falseAlarms, int words,
            int articles) {

        Tally total() {
            Tally t = new Tally();
            perKind.values().forEach(k -> {
                t.labels += k.labels;
                t.found += k.found;
                t.suggestions += k.suggestions;
                t.hits += k.hits;
            });
            return t;
        }

        double recall() {
            Tally t = total();
            return t.labels == 0 ? 1 : (double) t.found / t.labels;
        }

        double precision() {
            Tally t = total();
            return t.suggestions == 0 ? 1 : (double) t.hits / t.suggestions;
        }

        /** The figures and every miss and false alarm, named: for the sets detectors are tuned on. */
        String report() {
            StringBuilder out = new StringBuilder(figures());
            misses.forEach(m -> out.append("missed: ").append(m).append('\n'));
            falseAlarms.forEach(f -> out.append("false alarm: ").append(f).append('\n'));
            return out.toString();
        }

        /**
         * The figures per kind alone, for a held-out set: naming its misses and false alarms in every build's output
         * would show whoever tunes the detectors exactly what to tune on.
         */
        String figures() {
            StringBuilder out = new StringBuilder(String.format("%-10s %7s %7s %9s %9s%n", "category", "labels",
                    "recall", "suggested", "precision"));
            perKind.forEach((kind, t) -> out.append(String.format("%-10s %7d %7s %9d %9s%n", kind, t.labels,
                    ratio(t.found, t.labels), t.suggestions, ratio(t.hits, t.suggestions))));
            Tally t = total();
            out.append(String.format("%-10s %7d %7s %9d %9s%n", "ALL", t.labels, ratio(t.found, t.labels),
                    t.suggestions, ratio(t.hits, t.suggestions)));
            return out.toString();
        }

        private static String ratio(int a, int b) {
            return b == 0 ? "-" : String.format("%.2f", (double) a / b);
        }
    }

    private Corpus() {
    }

    static List<Article> load() {
        return load(DIR);
    }

    /**
     * The half of the real-text corpus detectors are tuned on: an article belongs to it by a fixed function of its
     * name, so the split never changes as articles are added and nobody chooses which side an article falls on.
     */
    static List<Article> development() {
        return load(REAL_DIR).stream().filter(a -> developmentHalf(a.name())).toList();
    }

    /** The other half, reported and never tuned on. */
    static List<Article> heldOut() {
        return load(REAL_DIR).stream().filter(a -> !developmentHalf(a.name())).toList();
    }

    /** The development pool: every article of {@link #POOL_DIR}, none of them ever held out. */
    static List<Article> pool() {
        return load(POOL_DIR);
    }

    /** The fresh held-out set: every article of {@link #FRESH_DIR}. */
    static List<Article> fresh() {
        return load(FRESH_DIR);
    }

    /** Everything detectors may be tuned on: the development half of the real corpus and the pool. */
    static List<Article> developmentSide() {
        List<Article> all = new ArrayList<>(development());
        all.addAll(pool());
        return all;
    }

    static boolean developmentHalf(String name) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 2 == 0;
    }

    static List<Article> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Article> articles = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString().replace(".txt", "");
                List<Label> labels = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(name + ".labels"), StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split("\t");
                    int occurrence = parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 1;
                    int at = -1;
                    for (int n = 0; n < occurrence; n++) {
                        at = wholeWordsAt(text, parts[1], at + 1);
                    }
                    if (at < 0) {
                        throw new IllegalStateException(name + ": label quote not in text: " + parts[1]);
                    }
                    labels.add(new Label(parts[0], at, at + parts[1].length(), parts[1]));
                }
                articles.add(new Article(name, text, labels));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the quote next stands as whole words: a label's occurrence counts the places a reader would point at,
     * so "it s" is not found inside "it said".
     */
    static int wholeWordsAt(String text, String quote, int from) {
        for (int at = text.indexOf(quote, from); at >= 0; at = text.indexOf(quote, at + 1)) {
            int end = at + quote.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))
                    || !Character.isLetterOrDigit(quote.charAt(0));
            boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || !Character.isLetterOrDigit(quote.charAt(quote.length() - 1));
            if (startsWord && endsWord) {
                return at;
            }
        }
        return -1;
    }

    static Score score(ArticleScanner scanner, List<Article> articles) {
        Map<String, Tally> perKind = new LinkedHashMap<>();
        KINDS.forEach(k -> perKind.put(k, new Tally()));
        List<String> misses = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        int words = 0;
        for (Article article : articles) {
            words += ScanDocument.ofFile(article.text()).tokens().size();
            List<Suggestion> suggestions = scanner.scanFile(article.text());
            for (Label label : article.labels()) {
                Tally t = perKind.get(label.kind());
                t.labels++;
                if (suggestions.stream().anyMatch(s -> s.start() < label.end() && label.start() < s.end())) {
                    t.found++;
                } else {
                    misses.add(article.name() + " " + label.kind() + " '" + label.quote() + "'");
                }
            }
            for (Suggestion s : suggestions) {
                Tally t = perKind.get(KIND_OF_DETECTOR.getOrDefault(s.detector(), "SPELLING"));
                t.suggestions++;
                if (article.labels().stream().anyMatch(l -> s.start() < l.end() && l.start() < s.end())) {
                    t.hits++;
                } else {
                    falseAlarms.add(article.name() + " " + s.detector() + " '" + s.quote() + "' → " + s.suggestion()
                            + " (" + s.explanation() + ")");
                }
            }
        }
        return new Score(perKind, misses, falseAlarms, words, articles.size());
    }
}
