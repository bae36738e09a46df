package org.factdesk.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Tuning aid for the real-word and name detectors on the development half only ({@code -Dfactdesk.tune=true}): the
 * development articles have too few errors to tune on, so this plants errors of the kinds real text has — a confusable
 * word, the other number of a noun, a common word one edit away, a name misspelled — one per paragraph into copies of
 * them, and reports how many each kind of detector finds and what it flags that nobody planted. It also scans correct
 * example sentences from LanguageTool's English rules, where every flag is a false alarm.
 */
@EnabledIfSystemProperty(named = "factdesk.tune", matches = "true")
class RealWordTuning {

    private static final int VARIANTS = Integer.getInteger("factdesk.tune.variants", 4);

    /** A planted error: its kind, where it stands in the planted copy, and what the text said there. */
    record Planted(String kind, int start, int end, String original, String written) {
    }

    @Test
    void report() throws IOException {
        ArticleScanner scanner = ArticleScanner.shared();
        LanguageModel lm = LanguageModel.shared().orElseThrow();
        Lexicon lexicon = Lexicon.get();
        Map<String, List<String>> confusions = confusions();
        Map<String, int[]> perKind = new LinkedHashMap<>();
        Map<String, Integer> alarmsPerDetector = new LinkedHashMap<>();
        List<String> alarms = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int articles = 0;
        for (Corpus.Article article : Corpus.development()) {
            for (int v = 0; v < VARIANTS; v++) {
                Random random = new Random(article.name().hashCode() * 31L + v);
                List<Planted> planted = new ArrayList<>();
                String text = plant(article.text(), random, lm, lexicon, confusions, planted);
                articles++;
                List<Suggestion> suggestions = scanner.scanFile(text);
                for (Planted p : planted) {
                    int[] t = perKind.computeIfAbsent(p.kind(), k -> new int[2]);
                    t[0]++;
                    boolean found = suggestions.stream().anyMatch(s -> s.start() < p.end() && p.start() < s.end());
                    if (found) {
                        t[1]++;
                    } else if (v == 0) {
                        misses.add(p.kind() + " " + p.original() + " -> " + p.written() + ": …"
                                + context(text, p.start(), p.end()) + "…");
                    }
                }
                if (v > 0) {
                    continue;
                }
                for (Suggestion s : suggestions) {
                    boolean atPlanted = planted.stream().anyMatch(p -> s.start() < p.end() && p.start() < s.end());
                    if (atPlanted) {
                        continue;
                    }
                    // Shift-free check against the article's own labels: the planted copy keeps lengths apart from
                    // planted words, so compare by quote and neighbourhood instead.
                    String around = context(text, s.start(), s.end());
                    boolean labelled = article.labels().stream().anyMatch(l -> around.contains(l.quote()));
                    if (!labelled && isMine(s.detector())) {
                        alarmsPerDetector.merge(s.detector(), 1, Integer::sum);
                        alarms.add(s.detector() + " '" + s.quote() + "' -> " + s.suggestion() + ": …" + around + "…");
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder("Planted errors in " + articles + " copies of development articles\n");
        perKind.forEach((k, t) -> out.append(String.format("%-10s planted %4d found %4d recall %.2f%n", k, t[0], t[1],
                (double) t[1] / t[0])));
        out.append("False alarms of the real-word and name detectors on development text: ").append(alarmsPerDetector)
                .append('\n');
        alarms.forEach(a -> out.append("false alarm: ").append(a).append('\n'));
        int exampleAlarms = 0;
        List<String> sentences = correctExamples();
        Map<String, Integer> examplePerDetector = new LinkedHashMap<>();
        List<String> exampleList = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += 25) {
            List<String> chunk = sentences.subList(i, Math.min(sentences.size(), i + 25));
            String file = "News\nExamples\n1 January 2020, 12:00\n" + String.join("\n", chunk) + "\n";
            for (Suggestion s : scanner.scanFile(file)) {
                if (isMine(s.detector())) {
                    exampleAlarms++;
                    examplePerDetector.merge(s.detector(), 1, Integer::sum);
                    exampleList.add(s.detector() + " '" + s.quote() + "' -> " + s.suggestion() + ": …"
                            + context(file, s.start(), s.end()) + "…");
                }
            }
        }
        out.append("False alarms on ").append(sentences.size()).append(" correct LanguageTool examples: ")
                .append(exampleAlarms).append(' ').append(examplePerDetector).append('\n');
        if (Boolean.getBoolean("factdesk.tune.examples")) {
            exampleList.forEach(a -> out.append("example alarm: ").append(a).append('\n'));
        }
        misses.forEach(m -> out.append("missed: ").append(m).append('\n'));
        System.out.println(out);
    }

    private static boolean isMine(String detector) {
        return detector.equals("context") || detector.equals("real-word") || detector.equals("name-variants");
    }

    private static String context(String text, int start, int end) {
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replace('\n', ' ');
    }

    /** One planted error per body paragraph, at a random word that can take one. */
    private static String plant(String text, Random random, LanguageModel lm, Lexicon lexicon,
            Map<String, List<String>> confusions, List<Planted> planted) {
        ScanDocument document = ScanDocument.ofFile(text);
        Map<String, Integer> uses = new LinkedHashMap<>();
        document.tokens().forEach(t -> uses.merge(t.text(), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int shift = 0;
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            List<ScanDocument.Token> tokens = document.tokens(paragraph);
            if (tokens.size() < 8) {
                continue;
            }
            String kind = List.of("CONFUSION", "NUMBER", "EDIT", "NAME").get(random.nextInt(4));
            for (int attempt = 0; attempt < 30; attempt++) {
                int i = 1 + random.nextInt(tokens.size() - 1);
                ScanDocument.Token token = tokens.get(i);
                String replacement = replacement(kind, token, tokens.get(i - 1), random, lm, lexicon, confusions,
                        uses);
                if (replacement == null) {
                    continue;
                }
                out.append(text, copied, token.start()).append(replacement);
                copied = token.end();
                int start = token.start() + shift;
                planted.add(new Planted(kind, start, start + replacement.length(), token.text(), replacement));
                shift += replacement.length() - token.text().length();
                break;
            }
        }
        out.append(text.substring(copied));
        return out.toString();
    }

    private static String replacement(String kind, ScanDocument.Token token, ScanDocument.Token before, Random random,
            LanguageModel lm, Lexicon lexicon, Map<String, List<String>> confusions, Map<String, Integer> uses) {
        String w = token.text();
        if (!w.chars().allMatch(Character::isLetter)) {
            return null;
        }
        if (kind.equals("NAME")) {
            // A name the article writes again elsewhere, or one the dictionary knows, misspelled once.
            if (!token.capitalised() || w.length() < 5 || lexicon.commonWord(w) || before.text().equals(".")
                    || !(uses.getOrDefault(w, 0) > 1 || lexicon.knownProperNoun(w))) {
                return null;
            }
            for (int attempt = 0; attempt < 20; attempt++) {
                String edit = randomEdit(w, random, 1);
                if (edit != null && random.nextInt(10) < 3) {
                    edit = randomEdit(edit, random, 1);
                }
                if (edit != null && Character.isUpperCase(edit.charAt(0)) && !lexicon.known(edit)
                        && !uses.containsKey(edit)) {
                    return edit;
                }
            }
            return null;
        }
        if (token.capitalised()) {
            return null;
        }
        String lower = w;
        List<String> options = new ArrayList<>();
        switch (kind) {
            case "CONFUSION" -> options.addAll(confusions.getOrDefault(lower, List.of()));
            case "NUMBER" -> {
                for (String o : List.of(lower + "s", lower + "es", lower.endsWith("s") ? lower.substring(0,
                        lower.length() - 1) : "", lower.endsWith("es") ? lower.substring(0, lower.length() - 2) : "",
                        lower.endsWith("men") ? lower.replaceAll("men$", "man") : "",
                        lower.endsWith("man") ? lower.replaceAll("man$", "men") : "",
                        lower.endsWith("ies") ? lower.replaceAll("ies$", "y") : "",
                        lower.endsWith("y") ? lower.replaceAll("y$", "ies") : "")) {
                    if (!o.isEmpty() && lexicon.known(o) && lm.knows(o)
                            && (lexicon.noun(lower) || lexicon.noun(o))) {
                        options.add(o);
                    }
                }
            }
            default -> {
                for (int attempt = 0; attempt < 40; attempt++) {
                    String edit = randomEdit(lower, random, 0);
                    if (edit != null && !edit.equals(lower) && lm.knows(edit)
                            && lm.unigram(edit) >= -5 * LanguageModel.LOG10 && lexicon.known(edit)) {
                        options.add(edit);
                        break;
                    }
                }
            }
        }
        options.remove(lower);
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private static String randomEdit(String w, Random random, int keepFirst) {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        int i = keepFirst + random.nextInt(Math.max(1, w.length() - keepFirst));
        if (i >= w.length()) {
            return null;
        }
        return switch (random.nextInt(4)) {
            case 0 -> w.length() > 3 ? w.substring(0, i) + w.substring(i + 1) : null;
            case 1 -> i + 1 < w.length() ? w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2)
                    : null;
            case 2 -> w.substring(0, i) + letters.charAt(random.nextInt(26)) + w.substring(i + 1);
            default -> w.substring(0, i) + letters.charAt(random.nextInt(26)) + w.substring(i);
        };
    }

    private static Map<String, List<String>> confusions() throws IOException {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String resource : List.of("/org/languagetool/resource/en/confusion_sets.txt",
                "/org/languagetool/resource/en/confusion_set_candidates.txt")) {
            try (InputStream in = RealWordTuning.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String content = line.replaceAll("#.*", "").strip();
                    if (content.isEmpty() || content.contains("->")) {
                        continue;
                    }
                    String[] parts = content.split(";");
                    if (parts.length < 2) {
                        continue;
                    }
                    String a = parts[0].strip();
                    String b = parts[1].strip();
                    if (a.contains(" ") || b.contains(" ")) {
                        continue;
                    }
                    sets.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                    sets.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
                }
            }
        }
        return sets;
    }

    private static final Pattern EXAMPLE = Pattern.compile("<example>(.*?)</example>");

    /** LanguageTool's correct example sentences (those with no correction), markers removed. */
    private static List<String> correctExamples() throws IOException {
        try (InputStream in = RealWordTuning.class.getResourceAsStream("/org/languagetool/rules/en/grammar.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            Matcher m = EXAMPLE.matcher(xml);
            int n = 0;
            int limit = Integer.getInteger("factdesk.tune.examplesLimit", 1500);
            while (m.find() && out.size() < limit) {
                String s = m.group(1).replaceAll("<[^>]+>", "").replace("&apos;", "'").replace("&quot;", "\"")
                        .replace("&amp;", "&").strip();
                // Every third, so the sample spreads over the whole rule file.
                if (n++ % 3 == 0 && s.split(" ").length >= 6 && s.matches("[A-Z].*[.!?]")) {
                    out.add(s);
                }
            }
            return out;
        }
    }
}
