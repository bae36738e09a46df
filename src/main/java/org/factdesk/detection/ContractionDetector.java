package org.factdesk.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.factdesk.claim.Category;

/**
 * Contractions that lost their apostrophe: "it s", "I m", "don t". A spell checker passes both halves, since "it" and
 * "s" are each something it knows, so the slip needs its own look: a word that takes a contraction followed by the
 * contraction's ending standing alone.
 */
final class ContractionDetector implements Detector {

    private static final Set<String> BE_HAVE_WILL_WOULD = Set.of("re", "ve", "ll", "d");

    /** Words that take a contraction, and the endings they take. */
    private static final Map<String, Set<String>> ENDINGS = Map.ofEntries(
            Map.entry("i", Set.of("m", "ve", "ll", "d")),
            Map.entry("you", BE_HAVE_WILL_WOULD), Map.entry("we", BE_HAVE_WILL_WOULD),
            Map.entry("they", BE_HAVE_WILL_WOULD),
            Map.entry("he", Set.of("s", "ll", "d")), Map.entry("she", Set.of("s", "ll", "d")),
            Map.entry("it", Set.of("s", "ll", "d")), Map.entry("that", Set.of("s", "ll", "d")),
            Map.entry("there", Set.of("s", "re", "ll", "d")), Map.entry("here", Set.of("s")),
            Map.entry("what", Set.of("s", "re", "ll", "d")), Map.entry("who", Set.of("s", "re", "ll", "d", "ve")),
            Map.entry("where", Set.of("s")), Map.entry("let", Set.of("s")),
            Map.entry("don", Set.of("t")), Map.entry("doesn", Set.of("t")), Map.entry("didn", Set.of("t")),
            Map.entry("isn", Set.of("t")), Map.entry("aren", Set.of("t")), Map.entry("wasn", Set.of("t")),
            Map.entry("weren", Set.of("t")), Map.entry("can", Set.of("t")), Map.entry("couldn", Set.of("t")),
            Map.entry("wouldn", Set.of("t")), Map.entry("shouldn", Set.of("t")), Map.entry("won", Set.of("t")),
            Map.entry("haven", Set.of("t")), Map.entry("hasn", Set.of("t")), Map.entry("hadn", Set.of("t")),
            Map.entry("mustn", Set.of("t")), Map.entry("ain", Set.of("t")));

    @Override
    public String name() {
        return "contractions";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        String text = document.text();
        // The article's own apostrophe: typeset copy writes ’, plain copy writes '.
        char apostrophe = text.chars().filter(c -> c == '’').count() > text.chars().filter(c -> c == '\'').count()
                ? '’' : '\'';
        List<Suggestion> found = new ArrayList<>();
        List<ScanDocument.Token> tokens = document.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (i % 256 == 0) {
                document.deadline().check();
            }
            ScanDocument.Token word = tokens.get(i);
            ScanDocument.Token ending = tokens.get(i + 1);
            Set<String> endings = ENDINGS.get(word.lower());
            // One space between, as the apostrophe left it; "I, m" or a line break is something else.
            if (endings == null || !endings.contains(ending.text()) || ending.start() != word.end() + 1
                    || text.charAt(word.end()) != ' ') {
                continue;
            }
            boolean quoted = document.quoted(word.start());
            String fixed = word.text() + apostrophe + ending.text();
            found.add(document.suggest(name(), Category.TYPO, word.start(), ending.end(), fixed,
                    "'" + fixed + "' has lost its apostrophe." + (quoted
                            ? " (In a quotation: check the source before changing it.)" : ""),
                    quoted ? 0.5 : 0.7));
        }
        return found;
    }
}
