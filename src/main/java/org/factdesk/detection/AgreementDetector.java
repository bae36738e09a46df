package org.factdesk.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.factdesk.claim.Category;

/**
 * Subject–verb agreement in the simplest sentence a reporter writes: a sentence that opens with a singular noun
 * phrase ("The secularist magazine MicroMega") whose verb comes straight after it without its "-s" and takes an
 * object ("describe the court's judgement"). LanguageTool's agreement rules look at a pronoun or a noun next to the
 * verb and miss a subject followed by its name. Only the narrow shape is read — determiner, a few modifiers, a
 * singular head noun the dictionary cannot read as a verb or a plural, an optional name, a verb that is only a verb,
 * and an object — so that headlines, questions and lists are never touched.
 */
final class AgreementDetector implements Detector {

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "each", "every");
    /** What a transitive verb's object starts with. */
    private static final Set<String> OBJECT_STARTS = Set.of("the", "a", "an", "his", "her", "its", "their", "our",
            "this", "that", "these", "those", "it", "him", "them", "us");
    /**
     * Nouns British English lets take a plural verb ("the government say"), and words whose plural is the same:
     * there the bare verb is house style or correct.
     */
    private static final Set<String> COLLECTIVE = Set.of("government", "council", "committee", "team", "club", "board",
            "party", "family", "public", "police", "staff", "crew", "jury", "band", "group", "audience", "majority",
            "minority", "couple", "union", "cabinet", "panel", "squad", "side", "management", "company", "firm",
            "opposition", "administration", "electorate", "press", "media", "department", "ministry", "army", "navy",
            "class", "sheep", "fish", "deer", "series", "species", "aircraft", "people", "number");
    /** The auxiliaries and "be" take other forms than "-s"; they are LanguageTool's own rules' business. */
    private static final Set<String> NOT_LEXICAL = Set.of("be", "are", "were", "have", "do", "can", "may", "must",
            "will", "shall", "should", "would", "could", "might", "need", "dare", "used");
    private static final int MAX_MODIFIERS = 3;
    private static final int MAX_NAME_WORDS = 3;

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        Lexicon lexicon = Lexicon.get();
        List<Suggestion> found = new ArrayList<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            document.deadline().check();
            if (paragraph.embeddedPost() || paragraph.attribution()) {
                continue;
            }
            List<ScanDocument.Token> tokens = document.tokens(paragraph);
            for (int i = 0; i < tokens.size(); i++) {
                if (sentenceStart(document, tokens, i) && DETERMINERS.contains(tokens.get(i).lower())
                        && !document.quoted(tokens.get(i).start())) {
                    check(document, tokens, i, lexicon, found);
                }
            }
        }
        return found;
    }

    private void check(ScanDocument document, List<ScanDocument.Token> tokens, int det, Lexicon lexicon,
            List<Suggestion> found) {
        // The noun phrase: lower-case nouns and adjectives after the determiner, the last of them its head.
        int j = det + 1;
        while (j < tokens.size() && j - det <= MAX_MODIFIERS + 1 && adjacent(document, tokens.get(j - 1), tokens.get(j))
                && plainWord(tokens.get(j)) && !tokens.get(j).capitalised() && modifier(tokens.get(j).lower(), lexicon)) {
            j++;
        }
        j--;
        if (j == det || !singularHead(tokens.get(j).lower(), lexicon)) {
            return;
        }
        int verb = j + 1;
        // An optional name in apposition: "the magazine MicroMega".
        while (verb < tokens.size() && verb - j <= MAX_NAME_WORDS && tokens.get(verb).capitalised()
                && plainWord(tokens.get(verb)) && adjacent(document, tokens.get(verb - 1), tokens.get(verb))) {
            verb++;
        }
        if (verb + 1 >= tokens.size()) {
            return;
        }
        ScanDocument.Token v = tokens.get(verb);
        ScanDocument.Token object = tokens.get(verb + 1);
        if (!adjacent(document, tokens.get(verb - 1), v) || !adjacent(document, v, object)
                || !OBJECT_STARTS.contains(object.lower()) || v.capitalised() || !plainWord(v)) {
            return;
        }
        String third = thirdPerson(v.lower(), lexicon);
        if (third == null) {
            return;
        }
        ScanDocument.Token head = tokens.get(j);
        found.add(document.suggest(name(), Category.TYPO, head.start(), v.end(),
                document.text().substring(head.start(), v.start()) + third,
                "The subject '" + document.text().substring(tokens.get(det).start(), tokens.get(verb - 1).end())
                        + "' is singular, so the verb takes '" + third + "'.", 0.55));
    }

    /** A verb that is only a verb in its bare form, whose "-s" form the dictionary knows; null otherwise. */
    private static String thirdPerson(String verb, Lexicon lexicon) {
        if (NOT_LEXICAL.contains(verb)) {
            return null;
        }
        Set<String> tags = lexicon.tags(verb);
        if (!tags.contains("VBP") || tags.stream().anyMatch(t -> !t.equals("VB") && !t.equals("VBP"))) {
            return null;
        }
        for (String form : List.of(verb + "s", verb + "es", verb.replaceAll("y$", "ies"))) {
            if (!form.equals(verb) && lexicon.tags(form).contains("VBZ")) {
                return form;
            }
        }
        return null;
    }

    /** A noun that is only a singular noun: no plural, verb or adjective reading, and not a collective. */
    private static boolean singularHead(String word, Lexicon lexicon) {
        Set<String> tags = lexicon.tags(word);
        return !COLLECTIVE.contains(word) && tags.stream().anyMatch(t -> t.equals("NN") || t.startsWith("NN:"))
                && tags.stream().allMatch(t -> t.equals("NN") || t.startsWith("NN:"));
    }

    /** An adjective or a noun used as one ("secularist", "state"), never a verb form or a function word. */
    private static boolean modifier(String word, Lexicon lexicon) {
        Set<String> tags = lexicon.tags(word);
        return !tags.isEmpty() && tags.stream().allMatch(t -> t.startsWith("JJ") || t.startsWith("NN") && !t.equals("NNS")
                && !t.startsWith("NNP"));
    }

    private static boolean plainWord(ScanDocument.Token token) {
        return token.text().chars().allMatch(Character::isLetter);
    }

    private static boolean sentenceStart(ScanDocument document, List<ScanDocument.Token> tokens, int i) {
        if (i == 0) {
            return true;
        }
        String between = document.text().substring(tokens.get(i - 1).end(), tokens.get(i).start());
        return between.matches("[.!?][\"”’)]*\\s+");
    }

    /** Only a space between the two words. */
    private static boolean adjacent(ScanDocument document, ScanDocument.Token a, ScanDocument.Token b) {
        return document.text().substring(a.end(), b.start()).equals(" ");
    }
}
