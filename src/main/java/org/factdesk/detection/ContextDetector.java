package org.factdesk.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * confusion sets LanguageTool ships (homophones and near words), the word's other number or tense ("school",
 * "schools"; "cause", "caused") and the common words one edit away from it — by the
 * trigram {@link LanguageModel}: an alternative is proposed when the three trigrams around the word make it more
 * probable by a wide margin. Names and figures are left alone, and the detector is silent when the model is not
 * installed.
 */
final class ContextDetector implements Detector {

    /** How much likelier (decimal orders of magnitude) an alternative from a confusion set must make the context. */
    static final double CONFUSION_MARGIN = 1.5;
    /** The share of LanguageTool's own exponent asked of an active pair. */
    static final double FACTOR_SHARE = 0.32;
    /** The same for pairs LanguageTool measured or lists as candidates but does not use itself. */
    static final double CANDIDATE_MARGIN = 3.0;
    /** The same for any common word one edit away, which is a weaker prior. */
    static final double EDIT_MARGIN = 4.5;
    /** The same for the word's other number or tense ("school", "schools"; "cause", "caused"). */
    static final double INFLECTION_MARGIN = 4.0;
    /**
     * The same where the alternative adds an ending ("student", "students"; "cause", "caused"). A dropped ending is the
     * commoner slip, and the trigrams misjudge the other way most: a plural before a new phrase ("installs Ikea
     * kitchens. A ...") reads to them like a singular.
     */
    static final double ADDED_ENDING_MARGIN = 3.0;
    /** An edit alternative must be at least this common on its own (log10 unigram probability). */
    static final double COMMON_WORD = -5.0;
    /**
     * The same for a possessive and the contraction it sounds like ("its", "it's"): spelled apart only by an
     * apostrophe, they are confused more often than any other pair, and the trigrams tell them apart well, as one is
     * followed by a noun and the other by a verb or an adjective.
     */
    static final double APOSTROPHE_MARGIN = 2.0;
    /** A possessive and the contraction spelled like it, both ways. */
    static final Map<String, Set<String>> APOSTROPHE_PAIRS = Map.of("its", Set.of("it's"), "it's", Set.of("its"),
            "your", Set.of("you're"), "you're", Set.of("your"), "their", Set.of("they're"), "they're",
            Set.of("their", "there"), "whose", Set.of("who's"), "who's", Set.of("whose"));
    /** A word rarer than this (log10 unigram probability) that an article repeats is its topic. */
    static final double TOPICAL_WORD = -4.0;

    private static final boolean DEBUG = Boolean.getBoolean("factdesk.context.debug");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";

    private final Optional<LanguageModel> model;
    private final Map<String, Set<String>> confusions;
    /** The pairs LanguageTool itself uses; the others (measured but left off, or candidates) need a wider margin. */
    private final Map<String, Set<String>> active;
    /** LanguageTool's own factor per active pair ("port; post; 10000000"): how sure its n-grams must be. */
    private final Map<String, Double> factors = new HashMap<>();
    /**
     * The factors LanguageTool measured for the pairs it left switched off at a precision of 0.99 or better
     * ("#know; known; 1000 # p=0.999"): its own evidence of how sure the n-grams must be, as good as an active pair's.
     */
    private final Map<String, Double> measuredFactors = new HashMap<>();
    /**
     * Each word's likelier neighbours, as {@link #alternatives} found them. Finding them tries some 50 strings per
     * letter against the model, most of a scan's time; words recur from article to article and from one scan of an
     * article to the next, and a word's neighbours never change.
     */
    private final Map<String, List<String>> neighbours = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
                    return size() > REMEMBERED_WORDS;
                }
            });

    ContextDetector() {
        this(LanguageModel.shared());
    }

    ContextDetector(Optional<LanguageModel> model) {
        this.model = model;
        this.active = new HashMap<>();
        this.confusions = new HashMap<>();
        if (model.isPresent()) {
            read(active, "/org/languagetool/resource/en/confusion_sets.txt", false, factors);
            confusions.putAll(confusionSets(measuredFactors));
        }
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
        Map<String, Integer> uses = new HashMap<>();
        for (ScanDocument.Token token : document.tokens()) {
            uses.merge(token.lower(), 1, Integer::sum);
        }
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
                words.add(asModelWord(tokens.get(i), lm));
                sentenceStart[i] = i == 0 || boundary(document.text().substring(tokens.get(i - 1).end(),
                        tokens.get(i).start()));
            }
            sentenceStart[tokens.size()] = true;
            for (int i = 0; i < tokens.size(); i++) {
                ScanDocument.Token token = tokens.get(i);
                String word = words.get(i);
                // A figure read as a number word is context, never a word to judge.
                if (!word.equals(modelSpelling(token)) || !candidateWord(token, word, lm)) {
                    continue;
                }
                double original = window(lm, words, sentenceStart, i, word);
                // A word one edit from a likelier one is only suspect where English around it is odd: a neighbour it
                // was never seen beside. And a rarer word the article uses again, or in its other number ("ant",
                // "ants"), is the article's subject, not a slip.
                boolean editsAllowed = !(seenWithBoth(lm, words, sentenceStart, i, word)
                        || (lm.unigram(word) < TOPICAL_WORD * LanguageModel.LOG10 && usedElsewhere(uses, word)));
                String best = null;
                double bestGain = 0;
                for (String alternative : alternatives(word, lm)) {
                    boolean apostrophe = APOSTROPHE_PAIRS.getOrDefault(word, Set.of()).contains(alternative);
                    if (apostrophe && !slotFits(alternative, i + 1 < tokens.size() ? tokens.get(i + 1) : null,
                            i + 2 < tokens.size() ? tokens.get(i + 2) : null, document)) {
                        continue;
                    }
                    boolean confusable = confusions.getOrDefault(word, Set.of()).contains(alternative);
                    boolean inflection = !confusable && !apostrophe && otherInflection(word, alternative);
                    if (!confusable && !inflection && !apostrophe && !editsAllowed) {
                        continue;
                    }
                    double margin = apostrophe ? APOSTROPHE_MARGIN : inflection ? (alternative.length() > word.length() ? ADDED_ENDING_MARGIN
                            : INFLECTION_MARGIN) : !confusable ? EDIT_MARGIN
                            : active.getOrDefault(word, Set.of()).contains(alternative)
                                    ? activeMargin(factors.getOrDefault(key(word, alternative), 0.0))
                            : measuredFactors.containsKey(key(word, alternative))
                                    ? activeMargin(measuredFactors.get(key(word, alternative)))
                            : CANDIDATE_MARGIN;
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
                    // The apostrophe the article types: the word's own, else the one the article uses.
                    boolean curly = token.text().indexOf('’') >= 0 || (token.text().indexOf('\'') < 0
                            && document.text().indexOf('’') >= 0 && document.text().indexOf('\'') < 0);
                    String spelled = curly ? best.replace('\'', '’') : best;
                    String replacement = token.capitalised()
                            ? Character.toUpperCase(spelled.charAt(0)) + spelled.substring(1) : spelled;
                    found.add(document.suggest(name(), Category.TYPO, token.start(), token.end(), replacement,
                            "'" + token.text() + "' is a word, but unlikely here: English text around it reads '"
                                    + replacement + "' far more often.", quoted ? 0.45 : 0.6));
                }
            }
        }
        return found;
    }

    private static final String NUMBER_PROXY = "ten";

    /**
     * The word as the model should read it. The model was made for speech and knows no figures: one is read as a number
     * word, so "in 2010", "by 2050" stay English to it. (Reading unknown names as one well-known name was tried and
     * left: the stand-in's own neighbours then decide, "counsel of Washington".)
     */
    private static String asModelWord(ScanDocument.Token token, LanguageModel lm) {
        String lower = modelSpelling(token);
        if (lm.knows(lower)) {
            return lower;
        }
        if (token.text().chars().allMatch(Character::isDigit)) {
            return NUMBER_PROXY;
        }
        return lower;
    }

    /**
     * Whether the next word suits the alternative's slot: a possessive ("its", "your", "their", "whose") wants a noun
     * next, which the dictionary must allow; a contraction ("it's", "you're") wants no noun next ("its best", "its
     * URL" stay), unless an adjective ends the clause ("if its temporary,"). The trigrams then weigh the rest.
     */
    private static boolean slotFits(String alternative, ScanDocument.Token next, ScanDocument.Token afterNext,
            ScanDocument document) {
        if (next == null || next.capitalised()) {
            return false;
        }
        Set<String> tags = Lexicon.get().tags(next.lower());
        if (tags.isEmpty()) {
            return false;
        }
        boolean noun = tags.stream().anyMatch(t -> t.startsWith("NN"));
        if (alternative.indexOf('\'') < 0 && !alternative.equals("there")) {
            return noun;
        }
        if (alternative.equals("there")) {
            return true;
        }
        boolean adjective = tags.stream().anyMatch(t -> t.startsWith("JJ"));
        String rest = document.text().substring(next.end(), Math.min(document.text().length(), next.end() + 1));
        boolean clauseEnds = rest.isEmpty() || ".,;:!?".contains(rest);
        return !noun && (!adjective || clauseEnds || afterNext == null);
    }

    /** The word in lower case with a straight apostrophe, as the model spells it ("it’s" is "it's"). */
    private static String modelSpelling(ScanDocument.Token token) {
        return token.lower().replace('’', '\'');
    }

    /** Both neighbours in the sentence form pairs with the word that the model saw in real text. */
    private static boolean seenWithBoth(LanguageModel lm, List<String> words, boolean[] sentenceStart, int i,
            String word) {
        String w1 = before(words, sentenceStart, i, 1);
        String n1 = after(words, sentenceStart, i, 1);
        return !w1.equals("<s>") && n1 != null && !n1.equals("</s>") && lm.seen(w1, word) && lm.seen(word, n1);
    }

    /**
     * LanguageTool asks for a likelihood ratio per pair, higher for pairs whose both words are common in the same
     * places ("port", "post": 10^7) than for a slip that rarely makes sense ("where", "were": 10^6). The trigram model
     * here is smaller and its ratios flatter, so a share of LanguageTool's exponent is asked, never less than the floor.
     */
    private static double activeMargin(double factor) {
        return factor <= 1 ? CONFUSION_MARGIN : Math.max(CONFUSION_MARGIN, FACTOR_SHARE * Math.log10(factor));
    }

    /** The article writes the word more than once, or also in its other number. */
    private static boolean usedElsewhere(Map<String, Integer> uses, String word) {
        String other = word.endsWith("s") ? word.substring(0, word.length() - 1) : word + "s";
        return uses.getOrDefault(word, 0) > 1 || uses.getOrDefault(other, 0) > 0;
    }

    /** Lower-case words the model knows; names, figures, codes and contractions are not judged. */
    private static boolean candidateWord(ScanDocument.Token token, String word, LanguageModel lm) {
        if (APOSTROPHE_PAIRS.containsKey(word) && !token.capitalised()) {
            return lm.knows(word);
        }
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

    /** About two megabytes of words and their neighbours. */
    private static final int REMEMBERED_WORDS = 20_000;

    private List<String> alternatives(String word, LanguageModel lm) {
        List<String> known = neighbours.get(word);
        if (known == null) {
            known = List.copyOf(findAlternatives(word, lm));
            neighbours.put(word, known);
        }
        return known;
    }

    private Set<String> findAlternatives(String word, LanguageModel lm) {
        Set<String> out = new LinkedHashSet<>(confusions.getOrDefault(word, Set.of()));
        out.addAll(APOSTROPHE_PAIRS.getOrDefault(word, Set.of()));
        if (!word.isEmpty() && word.indexOf('\'') < 0) {
            double floor = COMMON_WORD * LanguageModel.LOG10;
            for (String edit : edits(word)) {
                if (!edit.equals(word) && lm.knows(edit) && lm.unigram(edit) >= floor) {
                    out.add(edit);
                }
            }
        }
        for (String inflected : inflections(word)) {
            if (lm.knows(inflected) && lm.unigram(inflected) >= INFLECTED_WORD * LanguageModel.LOG10) {
                out.add(inflected);
            }
        }
        out.remove(word);
        out.removeIf(a -> !lm.knows(a));
        return out;
    }

    /** An inflected alternative must be at least this common on its own (log10 unigram probability). */
    static final double INFLECTED_WORD = -6.0;

    /** Whether one word is the other's other number or tense, as {@link #inflections} spells them. */
    static boolean otherInflection(String word, String alternative) {
        return inflections(word).contains(alternative);
    }

    /**
     * The word's other number, and for a verb its other tense, spelled by English's regular endings: "school" and
     * "schools", "city" and "cities", "chairman" and "chairmen", "cause" and "caused", "exchange" and "exchanged".
     * Some strings are not words; only those the model knows are tried.
     */
    static Set<String> inflections(String word) {
        Set<String> out = new LinkedHashSet<>();
        if (word.length() < 3) {
            return out;
        }
        out.add(word + "s");
        if (word.endsWith("s") && !word.endsWith("ss")) {
            out.add(word.substring(0, word.length() - 1));
        }
        if (word.matches(".*(s|x|z|ch|sh)")) {
            out.add(word + "es");
        }
        if (word.matches(".*(s|x|z|ch|sh)es")) {
            out.add(word.substring(0, word.length() - 2));
        }
        if (word.matches(".*[^aeiou]y")) {
            out.add(word.substring(0, word.length() - 1) + "ies");
            out.add(word.substring(0, word.length() - 1) + "ied");
        }
        if (word.endsWith("ies")) {
            out.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("ied")) {
            out.add(word.substring(0, word.length() - 3) + "y");
        }
        if (word.endsWith("man")) {
            out.add(word.substring(0, word.length() - 3) + "men");
        }
        if (word.endsWith("men")) {
            out.add(word.substring(0, word.length() - 3) + "man");
        }
        if (word.endsWith("e")) {
            out.add(word + "d");
        } else if (!word.endsWith("s")) {
            out.add(word + "ed");
        }
        if (word.endsWith("ed")) {
            out.add(word.substring(0, word.length() - 2));
            out.add(word.substring(0, word.length() - 1));
        }
        out.remove(word);
        return out;
    }

    /** Every string one deletion, transposition, substitution or insertion away. */
    static Set<String> edits(String word) {
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

    /**
     * LanguageTool's English confusion sets ("word1; word2; factor", "a -> b; factor"), both ways unless arrowed: the
     * pairs it uses, the pairs it measured with its n-gram data and left switched off (commented out with their
     * precision, "p=0.99"), kept when measured at 0.99 or better, and After the Deadline's homophone list it ships
     * as candidates ("council; counsel").
     */
    private static Map<String, Set<String>> confusionSets(Map<String, Double> measuredFactors) {
        Map<String, Set<String>> sets = new HashMap<>();
        read(sets, "/org/languagetool/resource/en/confusion_sets.txt", true, measuredFactors);
        read(sets, "/org/languagetool/resource/en/confusion_set_candidates.txt", false, new HashMap<>());
        return sets;
    }

    private static final java.util.regex.Pattern MEASURED = java.util.regex.Pattern.compile("p=(\\d\\.\\d+)");

    private static void read(Map<String, Set<String>> sets, String resource, boolean measuredToo,
            Map<String, Double> factors) {
        try (InputStream in = ContextDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String content = line.strip();
                if (content.startsWith("#")) {
                    java.util.regex.Matcher p = MEASURED.matcher(content);
                    if (!measuredToo || !p.find() || Double.parseDouble(p.group(1)) < 0.99) {
                        continue;
                    }
                    content = content.substring(1).strip();
                }
                int hash = content.indexOf('#');
                content = (hash >= 0 ? content.substring(0, hash) : content).strip();
                String[] parts = content.split(";");
                if (content.isEmpty() || parts.length < 2) {
                    continue;
                }
                String factorText = (parts[0].contains("->") ? (parts.length > 1 ? parts[1] : "")
                        : (parts.length > 2 ? parts[2] : "")).strip();
                double factor = factorText.matches("\\d+") ? Double.parseDouble(factorText) : 0;
                if (parts[0].contains("->")) {
                    String[] arrow = parts[0].split("->");
                    add(sets, arrow[0], arrow[1]);
                    factors.put(key(arrow[0], arrow[1]), factor);
                } else {
                    add(sets, parts[0], parts[1]);
                    add(sets, parts[1], parts[0]);
                    factors.put(key(parts[0], parts[1]), factor);
                    factors.put(key(parts[1], parts[0]), factor);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String from, String to) {
        return from.strip().toLowerCase(Locale.ROOT) + "\t" + to.strip().toLowerCase(Locale.ROOT);
    }

    private static void add(Map<String, Set<String>> sets, String from, String to) {
        String a = from.strip().toLowerCase(Locale.ROOT);
        String b = to.strip().toLowerCase(Locale.ROOT);
        if (!a.isEmpty() && !b.isEmpty() && !a.contains(" ") && !b.contains(" ")) {
            sets.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
        }
    }
}
