package org.factdesk.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.factdesk.claim.Category;

/**
 * Repeated and missing words: "the the", and a word that cannot stand without its preposition ("According the" for
 * "According to the"). When both slips sit together ("According the the") they make one suggestion with one fix.
 */
final class RepeatedWordDetector implements Detector {

    /** Doubled words that English allows: "had had", "that that", "is is" in some quotes is still rare enough. */
    private static final Set<String> MAY_REPEAT = Set.of("had", "that", "is", "do", "bye", "no", "very", "so", "ha",
            "knock", "well", "really");

    /** Words that need a preposition after them, and that preposition. */
    private static final Map<String, String> NEEDS = Map.of("according", "to", "regardless", "of", "irrespective",
            "of", "owing", "to");

    /** Words that may follow those directly: the preposition itself, or a clause that makes sense without it. */
    private static final Set<String> MAY_FOLLOW = Set.of("to", "of", "as", "is", "was", "are", "were", "that",
            "for", "so", "you", "said");

    @Override
    public String name() {
        return "repeated-words";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        List<ScanDocument.Token> tokens = document.tokens();
        String text = document.text();
        List<Suggestion> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (i % 256 == 0) {
                document.deadline().check();
            }
            ScanDocument.Token word = tokens.get(i);
            ScanDocument.Token next = tokens.get(i + 1);
            if (!text.substring(word.end(), next.start()).isBlank() || text.substring(word.end(), next.start())
                    .contains("\n")) {
                continue;
            }
            String preposition = NEEDS.get(word.lower());
            boolean missing = preposition != null && !MAY_FOLLOW.contains(next.lower());
            boolean repeated = i + 2 < tokens.size() && next.lower().equals(tokens.get(i + 2).lower())
                    && text.substring(next.end(), tokens.get(i + 2).start()).equals(" ");
            if (missing) {
                int end = repeated ? tokens.get(i + 2).end() : next.end();
                found.add(document.suggest(name(), Category.TYPO, word.start(), end,
                        word.text() + " " + preposition + " " + next.text(),
                        "'" + word.text() + "' needs '" + preposition + "'" + (repeated ? ", and '" + next.text()
                                + "' is repeated" : "") + ".", 0.9));
                i += repeated ? 2 : 1;
            } else if (repeatedPair(tokens, i, text) && !document.reported(word.start())) {
                ScanDocument.Token last = tokens.get(i + 3);
                String pair = text.substring(word.start(), next.end());
                found.add(document.suggest(name(), Category.TYPO, word.start(), last.end(), pair,
                        "'" + pair + "' is repeated.", 0.85));
                i += 3;
            } else if (word.lower().equals(next.lower()) && !MAY_REPEAT.contains(word.lower())
                    && word.text().chars().noneMatch(Character::isDigit) && !document.reported(word.start())) {
                found.add(document.suggest(name(), Category.TYPO, word.start(), next.end(), word.text(),
                        "'" + word.text() + "' is repeated.", 0.9));
                i++;
            }
        }
        return found;
    }

    /** "of the of the": two words, then the same two again. */
    private static boolean repeatedPair(List<ScanDocument.Token> tokens, int i, String text) {
        if (i + 3 >= tokens.size()) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            if (!text.substring(tokens.get(k).end(), tokens.get(k + 1).start()).equals(" ")) {
                return false;
            }
        }
        return tokens.get(i).lower().equals(tokens.get(i + 2).lower())
                && tokens.get(i + 1).lower().equals(tokens.get(i + 3).lower())
                && !tokens.get(i).lower().equals(tokens.get(i + 1).lower());
    }
}
