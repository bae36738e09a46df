package org.factdesk.detection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.claim.Category;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * Spelling and grammar with LanguageTool, tuned for news copy: British or American English by the article's own
 * spelling, only the narrator's prose is checked (quotations, embedded posts and their bylines are other people's
 * words), capitalised words are left to the name detector (proper nouns would drown the list), and only the rule
 * categories that find real slips (typos, collocations) run, which also keeps a scan fast.
 */
final class SpellingGrammarDetector implements Detector {

    /** Categories whose rules find slips a correction would fix; style, typography and punctuation are house style. */
    private static final Set<String> CATEGORIES = Set.of("TYPOS", "COLLOCATIONS");

    /**
     * Spellings that tell British from American copy, counted in the narrator's prose only and in lower case: names
     * keep their own spelling (the US Department of Defense in a British article).
     */
    private static final Pattern BRITISH = Pattern.compile("\\b(?:colour|favour|honour|labour|neighbour|harbour"
            + "|centre|theatre|metre|defence|offence|licence|programme|travelled|cancelled|(?:organ|recogn|apolog|critic"
            + "|real|emphas|author|mobil|stabil)is(?:e|ed|es|ing|ation))\\w*");
    private static final Pattern AMERICAN = Pattern.compile("\\b(?:color|favor|honor|labor|neighbor|harbor"
            + "|center|theater|meter|defense|offense|license|program(?!me)|traveled|canceled|(?:organ|recogn|apolog|critic"
            + "|real|emphas|author|mobil|stabil)iz(?:e|ed|es|ing|ation))\\w*");

    private final JLanguageTool british;
    /** Built on the first American article: most copy here is British, and each instance costs start-up time. */
    private volatile JLanguageTool american;

    SpellingGrammarDetector() {
        this.british = configure(new JLanguageTool(Languages.getLanguageForShortCode("en-GB")));
    }

    private JLanguageTool american() {
        JLanguageTool tool = american;
        if (tool == null) {
            synchronized (this) {
                if (american == null) {
                    american = configure(new JLanguageTool(Languages.getLanguageForShortCode("en-US")));
                }
                tool = american;
            }
        }
        return tool;
    }

    private static JLanguageTool configure(JLanguageTool tool) {
        for (Rule rule : tool.getAllRules()) {
            if (!CATEGORIES.contains(rule.getCategory().getId().toString())) {
                tool.disableRule(rule.getId());
            }
        }
        return tool;
    }

    @Override
    public String name() {
        return "languagetool";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        String prose = narratorsProse(document);
        JLanguageTool tool = writtenInAmerican(prose) ? american() : british;
        List<RuleMatch> matches;
        // A JLanguageTool instance is not safe for concurrent use; scans are rare enough to take turns.
        synchronized (tool) {
            try {
                matches = tool.check(prose);
            } catch (IOException e) {
                throw new IllegalStateException("LanguageTool failed", e);
            }
        }
        List<Suggestion> found = new ArrayList<>();
        for (RuleMatch match : matches) {
            int start = match.getFromPos();
            int end = match.getToPos();
            if (end <= start || document.reported(start) || document.reported(end - 1)) {
                continue;
            }
            String quote = document.text().substring(start, end);
            boolean spelling = match.getRule() instanceof SpellingCheckRule;
            // Proper nouns, handles, figures and codes are the name detector's business, not a dictionary's.
            // Other rules' remarks on a single capitalised word ("originally has a diacritic") are about names too.
            boolean oneWord = quote.strip().indexOf(' ') < 0;
            if ((spelling || oneWord) && quote.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
                continue;
            }
            if (match.getSuggestedReplacements().isEmpty() || quote.isBlank()) {
                continue;
            }
            found.add(document.suggest(name(), Category.TYPO, start, end, match.getSuggestedReplacements().get(0),
                    match.getMessage().replaceAll("</?suggestion>", "'"), spelling ? 0.6 : 0.7));
        }
        return found;
    }

    /** The text with everyone else's words blanked out, so positions stay the same and LanguageTool reads less. */
    private static String narratorsProse(ScanDocument document) {
        char[] chars = document.text().toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (document.paragraphAt(i) == null || document.reported(i)) {
                if (chars[i] != '\n') {
                    chars[i] = ' ';
                }
            }
        }
        return new String(chars);
    }

    private static boolean writtenInAmerican(String prose) {
        return count(AMERICAN, prose) > count(BRITISH, prose);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
