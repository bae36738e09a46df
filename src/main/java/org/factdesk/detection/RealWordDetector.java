package org.factdesk.detection;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

import com.ibm.icu.util.ULocale;
import org.factdesk.claim.Category;

/**
 * Real-word typos: correctly spelled words that are wrong in their place. A dictionary cannot see them, so this reads
 * the article's own vocabulary and a few syntactic slots: the head noun after "the &lt;Name&gt;" ("the Erbil vase"
 * where the article speaks of bases), a past form where an idiom needs the noun ("in charged of"), and "the" before a
 * country or continent that takes no article ("address the America").
 */
final class RealWordDetector implements Detector {

    /** Places named without "the" in English: ICU's one-word country names and the JDK zone database's continents. */
    private static final Set<String> PLACES_WITHOUT_ARTICLE = placesWithoutArticle();

    @Override
    public String name() {
        return "real-word";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        Lexicon lexicon = Lexicon.get();
        List<ScanDocument.Token> tokens = document.tokens();
        Map<String, Integer> counts = new HashMap<>();
        for (ScanDocument.Token token : tokens) {
            counts.merge(token.lower(), 1, Integer::sum);
        }
        List<Suggestion> found = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (i % 256 == 0) {
                document.deadline().check();
            }
            ScanDocument.Token word = tokens.get(i);
            if (document.reported(word.start())) {
                continue;
            }
            headNounAfterName(document, tokens, i, counts, lexicon, found);
            idiomNeedsNoun(document, tokens, i, lexicon, found);
            articleBeforePlace(document, tokens, i, lexicon, found);
            perfectWithPastTense(document, tokens, i, lexicon, found);
            toBeforeAdjective(document, tokens, i, lexicon, found);
            thenAfterComparative(document, tokens, i, lexicon, found);
        }
        return found;
    }

    /** "the Erbil vase": after "the" and a name, a one-off word one letter from a noun the article keeps using. */
    private void headNounAfterName(ScanDocument document, List<ScanDocument.Token> tokens, int i,
            Map<String, Integer> counts, Lexicon lexicon, List<Suggestion> found) {
        ScanDocument.Token word = tokens.get(i);
        if (word.capitalised() || counts.getOrDefault(word.lower(), 0) != 1 || word.text().length() < 3) {
            return;
        }
        int j = i - 1;
        while (j >= 0 && namePart(tokens.get(j)) && adjacent(document, tokens.get(j), tokens.get(j + 1))) {
            j--;
        }
        if (j == i - 1 || j < 0 || !adjacent(document, tokens.get(j), tokens.get(j + 1))
                || !Set.of("the", "a", "an").contains(tokens.get(j).lower())) {
            return;
        }
        String w = word.lower();
        for (Map.Entry<String, Integer> other : counts.entrySet()) {
            String n = other.getKey();
            // The cheap tests first: this runs over the article's whole vocabulary.
            if (Math.abs(n.length() - w.length()) > 1 || n.equals(w)) {
                continue;
            }
            int uses = other.getValue() + counts.getOrDefault(n + "s", 0);
            if (uses < 2 || !lexicon.noun(n) || w.equals(n + "s") || w.equals(n + "es")
                    || Edits.distance(w, n) != 1) {
                continue;
            }
            boolean nounForNoun = w.length() == n.length() && lexicon.noun(w);
            boolean pastForNoun = (w.equals(n + "d") || w.equals(n + "ed")) && lexicon.onlyVerbForm(w);
            if (nounForNoun || pastForNoun) {
                found.add(document.suggest(name(), Category.TYPO, word.start(), word.end(), n,
                        "'" + word.text() + "' is a real word but out of place: a noun is expected after '"
                                + document.text().substring(tokens.get(j).start(), tokens.get(i - 1).end())
                                + "', and the article speaks of '" + n + "' " + uses + " times.", 0.75));
                return;
            }
        }
    }

    /** "in charged of": the idiom wants the noun, and the past form of its verb stands there instead. */
    private void idiomNeedsNoun(ScanDocument document, List<ScanDocument.Token> tokens, int i, Lexicon lexicon,
            List<Suggestion> found) {
        if (i + 1 >= tokens.size()) {
            return;
        }
        ScanDocument.Token before = tokens.get(i - 1);
        ScanDocument.Token word = tokens.get(i);
        ScanDocument.Token after = tokens.get(i + 1);
        if (!before.lower().equals("in") || !after.lower().equals("of") || !adjacent(document, before, word)
                || !adjacent(document, word, after)) {
            return;
        }
        String w = word.lower();
        for (String noun : List.of(w.replaceAll("ed$", ""), w.replaceAll("d$", ""))) {
            if (!noun.equals(w) && lexicon.noun(noun) && lexicon.onlyVerbForm(w)) {
                found.add(document.suggest(name(), Category.TYPO, before.start(), after.end(), "in " + noun + " of",
                        "The idiom is 'in " + noun + " of'; '" + word.text() + "' is a verb form.", 0.8));
                return;
            }
        }
    }

    /** "address the America in ...": countries and continents named in one word take no article. */
    private void articleBeforePlace(ScanDocument document, List<ScanDocument.Token> tokens, int i, Lexicon lexicon,
            List<Suggestion> found) {
        ScanDocument.Token article = tokens.get(i - 1);
        ScanDocument.Token place = tokens.get(i);
        if (!article.lower().equals("the") || !PLACES_WITHOUT_ARTICLE.contains(place.text())
                || !adjacent(document, article, place)) {
            return;
        }
        // "the Iraq war", "the Iran deal", "the Iraq of 2003": then the name is a modifier or is being described.
        if (i + 1 < tokens.size() && adjacent(document, place, tokens.get(i + 1))) {
            ScanDocument.Token next = tokens.get(i + 1);
            if (next.capitalised() || lexicon.modifiedNoun(next.lower()) || Set.of("of", "that", "which", "we", "they",
                    "he", "she", "it", "i", "you").contains(next.lower())) {
                return;
            }
        }
        if (document.text().startsWith("'s", place.end()) || document.text().startsWith("’s", place.end())) {
            return;
        }
        found.add(document.suggest(name(), Category.TYPO, article.start(), place.end(), place.text(),
                "'" + place.text() + "' takes no article: either 'the' is extra, or a word is missing after the "
                        + "name (as in 'the " + place.text() + " team').", 0.65));
    }

    private static final Set<String> HAVE = Set.of("has", "have", "had", "having", "'ve", "’ve");

    /**
     * "has began", "have went", "had rang": after a form of "have", the perfect wants the participle, and a verb whose
     * past tense is not its participle stands there instead. Adverbs may come between ("has already began"), and a
     * short phrase that starts with a preposition ("has in recent years began").
     */
    private void perfectWithPastTense(ScanDocument document, List<ScanDocument.Token> tokens, int i, Lexicon lexicon,
            List<Suggestion> found) {
        ScanDocument.Token word = tokens.get(i);
        if (word.capitalised()) {
            return;
        }
        java.util.Optional<String> participle = lexicon.participleOfPast(word.lower());
        if (participle.isEmpty()) {
            return;
        }
        // "what she has did not matter": "did" is then the sentence's own verb.
        if (i + 1 < tokens.size() && Set.of("not", "n't").contains(tokens.get(i + 1).lower())) {
            return;
        }
        int j = i - 1;
        int between = 0;
        boolean phrase = false;
        while (j >= 0 && adjacent(document, tokens.get(j), tokens.get(j + 1)) && !HAVE.contains(tokens.get(j).lower())
                && between < 4) {
            Set<String> tags = lexicon.tags(tokens.get(j).lower());
            boolean adverb = tags.contains("RB") && tags.stream().noneMatch(t -> t.startsWith("VB") || t.equals("IN"));
            boolean phraseWord = tags.stream().anyMatch(t -> t.equals("JJ") || t.equals("DT") || t.equals("CD")
                    || t.startsWith("NN")) && tags.stream().noneMatch(t -> t.startsWith("VB") || t.startsWith("PRP"));
            if (tokens.get(j).capitalised() || !(adverb || phraseWord || tags.contains("IN"))) {
                return;
            }
            if (tags.contains("IN") && !adverb) {
                phrase = true;
            }
            between++;
            j--;
        }
        if (j < 0 || !HAVE.contains(tokens.get(j).lower()) || !adjacent(document, tokens.get(j), tokens.get(j + 1))) {
            return;
        }
        // Between "has" and the verb, adverbs alone, or a phrase that a preposition opens.
        if (between > 0 && !phrase && !adverbsOnly(tokens, j + 1, i, lexicon)) {
            return;
        }
        if (phrase && !lexicon.tags(tokens.get(j + 1).lower()).contains("IN")) {
            return;
        }
        found.add(document.suggest(name(), Category.TYPO, word.start(), word.end(), participle.get(),
                "After '" + tokens.get(j).text() + "' the verb takes its participle: '" + participle.get()
                        + "', not the past tense '" + word.text() + "'.", 0.7));
    }

    private static boolean adverbsOnly(List<ScanDocument.Token> tokens, int from, int to, Lexicon lexicon) {
        for (int k = from; k < to; k++) {
            Set<String> tags = lexicon.tags(tokens.get(k).lower());
            if (!tags.contains("RB") || tags.stream().anyMatch(t -> t.startsWith("VB"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "to expensive.", "to late for": "to" before a word that can only be an adjective, where the sentence or
     * clause ends or "for" or "to" follows, is "too". Not after "from" ("from cheap to expensive") nor where "to"
     * follows a verb of change ("turned to gold") — those read the word as a state, and the adjective-only test keeps
     * nouns and verbs out.
     */
    private void toBeforeAdjective(ScanDocument document, List<ScanDocument.Token> tokens, int i, Lexicon lexicon,
            List<Suggestion> found) {
        ScanDocument.Token to = tokens.get(i - 1);
        ScanDocument.Token word = tokens.get(i);
        if (!to.text().equals("to") || word.capitalised() || !adjacent(document, to, word)) {
            return;
        }
        Set<String> tags = lexicon.tags(word.lower());
        if (!tags.contains("JJ") || tags.stream().anyMatch(t -> !t.equals("JJ") && !t.equals("RB"))) {
            return;
        }
        String after = document.text().substring(word.end(), Math.min(document.text().length(), word.end() + 6));
        boolean clauseEnds = after.isEmpty() || ".,;:!?".indexOf(after.charAt(0)) >= 0;
        boolean forOrTo = after.startsWith(" for ") || after.startsWith(" to ");
        if (!clauseEnds && !forOrTo) {
            return;
        }
        for (int k = i - 2; k >= Math.max(0, i - 10); k--) {
            String w = tokens.get(k).lower();
            if (w.equals("from") || w.equals("between")) {
                return;
            }
            // Only after a copula, a verb of seeming or becoming, or "far", "way", "not": "to" after another verb or
            // an object ("get her to mythic") opens an infinitive or a goal.
            if (k == i - 2 && !Set.of("is", "was", "are", "were", "be", "been", "being", "seems", "seemed", "looks",
                    "looked", "got", "get", "gets", "getting", "far", "way", "much", "not", "become", "became",
                    "becomes", "feel", "felt", "sounds", "sounded", "it's", "it’s", "that's", "that’s").contains(w)) {
                return;
            }
        }
        found.add(document.suggest(name(), Category.TYPO, to.start(), to.end(), "too",
                "'to' before '" + word.text() + "' reads as 'too': an adjective ends the phrase here.", 0.65));
    }

    private static final Set<String> COMPARES = Set.of("more", "less", "fewer", "rather", "other", "better", "worse",
            "greater", "larger", "smaller", "higher", "lower", "longer", "earlier", "later", "faster");

    /** "more then", "rather then": after a comparative, "then" is "than". */
    private void thenAfterComparative(ScanDocument document, List<ScanDocument.Token> tokens, int i, Lexicon lexicon,
            List<Suggestion> found) {
        ScanDocument.Token before = tokens.get(i - 1);
        ScanDocument.Token word = tokens.get(i);
        if (!word.text().equals("then") || !adjacent(document, before, word)) {
            return;
        }
        String b = before.lower();
        boolean comparative = COMPARES.contains(b) || lexicon.tags(b).stream().allMatch(t -> t.equals("JJR")
                || t.equals("RBR")) && !lexicon.tags(b).isEmpty();
        // "more pretty then they were": "more" or "less" and an adjective make a comparative too.
        boolean moreAdjective = i >= 2 && Set.of("more", "less").contains(tokens.get(i - 2).lower())
                && adjacent(document, tokens.get(i - 2), before) && lexicon.tags(b).contains("JJ");
        // "later then" can be "and later, then": only the comparatives that never mean a time. And "costs more
        // then I'm not interested" is a comma left out before a new clause, which "more" alone may end.
        boolean newClause = i + 1 < tokens.size() && Set.of("i", "i'm", "i’m", "he", "she", "we", "they", "you", "it")
                .contains(tokens.get(i + 1).lower());
        if (!moreAdjective && (!comparative || Set.of("later", "earlier").contains(b)
                || (newClause && Set.of("more", "less").contains(b)))) {
            return;
        }
        found.add(document.suggest(name(), Category.TYPO, word.start(), word.end(), "than",
                "After the comparative '" + before.text() + "', 'then' reads as 'than'.", 0.7));
    }

    private static boolean namePart(ScanDocument.Token token) {
        return token.capitalised() || token.text().matches("\\p{Ll}{1,3}-\\p{Lu}.*");
    }

    /** Only a space between the two words: no punctuation, no line break. */
    private static boolean adjacent(ScanDocument document, ScanDocument.Token a, ScanDocument.Token b) {
        String between = document.text().substring(a.end(), b.start());
        return between.equals(" ");
    }

    private static Set<String> placesWithoutArticle() {
        Set<String> places = new HashSet<>();
        for (String code : ULocale.getISOCountries()) {
            String name = new ULocale("", code).getDisplayCountry(ULocale.ENGLISH);
            // Plural names (the Netherlands, the Philippines) and a few singular ones keep "the" in English.
            if (name.matches("\\p{Lu}\\p{L}+") && !name.endsWith("s") && !Set.of("Gambia", "Congo").contains(name)) {
                places.add(name);
            }
        }
        for (String zone : ZoneId.getAvailableZoneIds()) {
            String area = zone.contains("/") ? zone.substring(0, zone.indexOf('/')) : "";
            // The zone database's continents; its oceans (Atlantic, Indian, Pacific) do take "the".
            if (Set.of("America", "Europe", "Asia", "Africa", "Australia").contains(area)) {
                places.add(area);
            }
        }
        places.removeIf(p -> p.toLowerCase(Locale.ROOT).equals(p));
        return Set.copyOf(places);
    }
}
