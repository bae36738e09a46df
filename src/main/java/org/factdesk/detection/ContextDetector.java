package org.factdesk.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.factdesk.claim.Category;

/**
 * Real-word errors read in context: a correctly spelled word that English around it makes unlikely ("the Untied
 * Nations", "commonly know as", "such a swords"). Each lower-case word is compared with its alternatives — the
 * confusion sets LanguageTool ships (homophones and near words) and the common words one edit away from it — by the
 * trigram {@link LanguageModel}: an alternative is proposed when the three trigrams around the word make it more
 * probable by a wide margin. Names and figures are left alone, and the detector is silent when the model is not
 * installed.
 */
final class ContextDetector implements Detector {

    /** How much likelier (decimal orders of magnitude) an alternative from a confusion set must make the context. */
    static final double CONFUSION_MARGIN = 2.0;
    /** The same for any common word one edit away, which is a weaker prior. */
    static final double EDIT_MARGIN = 4.5;
    /** An edit alternative must be at least this common on its own (log10 unigram probability). */
    static final double COMMON_WORD = -5.0;

    private static final boolean DEBUG = Boolean.getBoolean("factdesk.context.debug");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    private final Optional<LanguageModel> model;
    private final Map<String, Set<String>> confusions;

    ContextDetector() {
        this(LanguageModel.shared());
    }

    ContextDetector(Optional<LanguageModel> model) {
        this.model = model;
        this.confusions = model.isPresent() ? confusionSets() : Map.of();
    }

    @Override
    public String name() {
        return "context";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        if (model.isEmpty()) {
            return List.of();
        }
        LanguageModel lm = model.get();
        List<Suggestion> found = new ArrayList<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            document.deadline().check();
            if (paragraph.embeddedPost() || paragraph.attribution()) {
                continue;
            }
            List<ScanDocument.Token> tokens = document.tokens(paragraph);
            List<String> words = new ArrayList<>(tokens.size());
            boolean[] sentenceStart = new boolean[tokens.size() + 1];
            for (int i = 0; i < tokens.size(); i++) {
                words.add(tokens.get(i).lower());
                sentenceStart[i] = i == 0 || boundary(document.text().substring(tokens.get(i - 1).end(),
                        tokens.get(i).start()));
            }
            sentenceStart[tokens.size()] = true;
            for (int i = 0; i < tokens.size(); i++) {
                ScanDocument.Token token = tokens.get(i);
                String word = words.get(i);
                if (!candidateWord(token, word, lm)) {
                    continue;
                }
                double original = window(lm, words, sentenceStart, i, word);
                String best = null;
                double bestGain = 0;
                for (String alternative : alternatives(word, lm)) {
                    double margin = confusions.getOrDefault(word, Set.of()).contains(alternative) ? CONFUSION_MARGIN
                            : EDIT_MARGIN;
                    double gain = (window(lm, words, sentenceStart, i, alternative) - original) / LanguageModel.LOG10
                            - margin;
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = alternative;
                    }
                }
                if (DEBUG && best != null) {
                    System.err.println("context: " + word + " -> " + best + " gain " + bestGain);
                }
                if (best != null) {
                    boolean quoted = document.quoted(token.start());
                    String replacement = token.capitalised() ? Character.toUpperCase(best.charAt(0)) + best.substring(1)
                            : best;
                    found.add(document.suggest(name(), Category.TYPO, token.start(), token.end(), replacement,
                            "'" + token.text() + "' is a word, but unlikely here: English text around it reads '"
                                    + replacement + "' far more often.", quoted ? 0.45 : 0.6));
                }
            }
        }
        return found;
    }

    /** Lower-case words the model knows; names, figures, codes and contractions are not judged. */
    private static boolean candidateWord(ScanDocument.Token token, String word, LanguageModel lm) {
        if (token.capitalised() || word.length() > 20 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        return lm.knows(word);
    }

    /** The three trigrams that contain position {@code i}, with {@code word} there. */
    private static double window(LanguageModel lm, List<String> words, boolean[] sentenceStart, int i, String word) {
        String w1 = before(words, sentenceStart, i, 1);
        String w2 = before(words, sentenceStart, i, 2);
        String n1 = after(words, sentenceStart, i, 1);
        String n2 = after(words, sentenceStart, i, 2);
        double score = lm.logProb(w2, w1, word);
        if (n1 != null) {
            score += lm.logProb(w1, word, n1);
            if (n2 != null) {
                score += lm.logProb(word, n1, n2);
            }
        }
        return score;
    }

    private static String before(List<String> words, boolean[] sentenceStart, int i, int back) {
        int j = i;
        for (int k = 0; k < back; k++) {
            if (sentenceStart[j]) {
                return "<s>";
            }
            j--;
        }
        return words.get(j);
    }

    /** The word {@code ahead} places on in the same sentence, "&lt;/s&gt;" at its end, null past that. */
    private static String after(List<String> words, boolean[] sentenceStart, int i, int ahead) {
        int j = i;
        for (int k = 0; k < ahead; k++) {
            if (sentenceStart[j + 1]) {
                return k == ahead - 1 ? "</s>" : null;
            }
            j++;
        }
        return words.get(j);
    }

    /** Punctuation between two words that ends a sentence or a clause the model would not run across. */
    private static boolean boundary(String between) {
        return between.chars().anyMatch(c -> ".!?;:()[]\"“”—".indexOf(c) >= 0);
    }

    private Set<String> alternatives(String word, LanguageModel lm) {
        Set<String> out = new LinkedHashSet<>(confusions.getOrDefault(word, Set.of()));
        if (!word.isEmpty()) {
            double floor = COMMON_WORD * LanguageModel.LOG10;
            for (String edit : edits(word)) {
                if (!edit.equals(word) && lm.knows(edit) && lm.unigram(edit) >= floor) {
                    out.add(edit);
                }
            }
        }
        out.remove(word);
        out.removeIf(a -> !lm.knows(a));
        return out;
    }

    /** Every string one deletion, transposition, substitution or insertion away. */
    private static Set<String> edits(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i <= word.length(); i++) {
            String head = word.substring(0, i);
            String tail = word.substring(i);
            if (!tail.isEmpty()) {
                out.add(head + tail.substring(1));
            }
            if (tail.length() > 1) {
                out.add(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2));
            }
            for (int c = 0; c < ALPHABET.length(); c++) {
                if (!tail.isEmpty()) {
                    out.add(head + ALPHABET.charAt(c) + tail.substring(1));
                }
                out.add(head + ALPHABET.charAt(c) + tail);
            }
        }
        return out;
    }

    /** LanguageTool's English confusion sets ("word1; word2; factor", "a -> b; factor"), both ways unless arrowed. */
    private static Map<String, Set<String>> confusionSets() {
        Map<String, Set<String>> sets = new HashMap<>();
        try (InputStream in = ContextDetector.class.getResourceAsStream("/org/languagetool/resource/en/confusion_sets.txt")) {
            if (in == null) {
                return Map.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String[] parts = content.split(";");
                if (parts.length < 2) {
                    continue;
                }
                if (parts[0].contains("->")) {
                    String[] arrow = parts[0].split("->");
                    add(sets, arrow[0], arrow[1]);
                } else {
                    add(sets, parts[0], parts[1]);
                    add(sets, parts[1], parts[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sets;
    }

    private static void add(Map<String, Set<String>> sets, String from, String to) {
        String a = from.strip().toLowerCase(Locale.ROOT);
        String b = to.strip().toLowerCase(Locale.ROOT);
        if (!a.isEmpty() && !b.isEmpty() && !a.contains(" ") && !b.contains(" ")) {
            sets.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
        }
    }
}
