package org.factdesk.detection;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.Language;
import org.languagetool.Languages;

/**
 * What LanguageTool's English dictionary knows about a word: whether it is a word at all and its part-of-speech tags.
 * Detectors use it as the authority for "this is a real word" and "this is a known proper noun".
 */
final class Lexicon {

    private static final Lexicon INSTANCE = new Lexicon();

    private final Language english = Languages.getLanguageForShortCode("en-GB");
    private final Map<String, Set<String>> tags = new ConcurrentHashMap<>();

    private Lexicon() {
    }

    static Lexicon get() {
        return INSTANCE;
    }

    /** The word's part-of-speech tags (Penn Treebank style: NN, NNS, NNP, VBD, ...); empty when unknown. */
    Set<String> tags(String word) {
        return tags.computeIfAbsent(word, w -> {
            try {
                List<AnalyzedTokenReadings> readings = english.getTagger().tag(List.of(w));
                return readings.get(0).getReadings().stream()
                        .map(AnalyzedToken::getPOSTag)
                        .filter(tag -> tag != null && !tag.isBlank())
                        .collect(Collectors.toUnmodifiableSet());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("LanguageTool's English tagger failed", e);
            }
        });
    }

    boolean known(String word) {
        return !tags(word).isEmpty();
    }

    /** A proper noun the dictionary knows, such as Erbil or Iraq. */
    boolean knownProperNoun(String word) {
        return tags(word).stream().anyMatch(tag -> tag.startsWith("NNP"));
    }

    boolean noun(String word) {
        return tags(word).stream().anyMatch(tag -> tag.equals("NN") || tag.equals("NN:U") || tag.equals("NN:UN"));
    }

    /** A word that can be the noun a name modifies ("the Iraq war") and is not a function word ("in", "and"). */
    boolean modifiedNoun(String word) {
        Set<String> t = tags(word);
        return t.stream().anyMatch(tag -> tag.startsWith("NN") && !tag.startsWith("NNP"))
                && t.stream().noneMatch(tag -> Set.of("IN", "CC", "DT", "TO", "RB", "PRP", "WDT").contains(tag));
    }

    boolean onlyVerbForm(String word) {
        Set<String> t = tags(word);
        return !t.isEmpty() && t.stream().allMatch(tag -> tag.startsWith("VB") || tag.startsWith("JJ"));
    }

    /**
     * The past participle of a verb's past tense when the two differ ("began": "begun"), empty otherwise ("walked",
     * "went" and "gone" aside, whose past tense is its participle, and words that are no past tense).
     */
    java.util.Optional<String> participleOfPast(String word) {
        Set<String> t = tags(word);
        if (!t.contains("VBD") || t.contains("VBN")) {
            return java.util.Optional.empty();
        }
        return participles.computeIfAbsent(word, w -> {
            try {
                for (AnalyzedTokenReadings readings : english.getTagger().tag(List.of(w))) {
                    for (AnalyzedToken reading : readings.getReadings()) {
                        if ("VBD".equals(reading.getPOSTag())) {
                            String[] forms = english.getSynthesizer().synthesize(reading, "VBN");
                            if (forms.length > 0 && !forms[0].equals(w)) {
                                return java.util.Optional.of(forms[0]);
                            }
                        }
                    }
                }
                return java.util.Optional.empty();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("LanguageTool's English tagger failed", e);
            }
        });
    }

    private final Map<String, java.util.Optional<String>> participles = new ConcurrentHashMap<>();

    /** A common word (not only a proper noun): its lower-case form is in the dictionary. */
    boolean commonWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return tags(lower).stream().anyMatch(tag -> !tag.startsWith("NNP"));
    }
}
