package org.factdesk.detection;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;
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
 * spelling, embedded posts and their bylines are left alone (other people's words), a slip inside a quotation is
 * proposed with less confidence, capitalised words are left to the name detector (proper nouns would drown the list)
 * unless one is a letter off a name the dictionary knows, and only the rule
 * categories that find real slips (typos, collocations) run, which also keeps a scan fast.
 *
 * <p>A LanguageTool instance serves one check at a time, so each language keeps a small pool: a scan borrows an idle
 * instance or builds one, and gives it back. A quick scan of a short text therefore never waits for a long scan of
 * another article to finish; the callers bound how many scans run at once (the scan pool and the interactive
 * permits), and so how many instances there are.
 */
final class SpellingGrammarDetector implements Detector {

    private static final String GRAMMAR = "GRAMMAR";
    private static final String MULTITOKEN_SPELLING = "MULTITOKEN_SPELLING";

    /**
     * Categories whose rules find slips a correction would fix: typos, collocations, words confused with a
     * look-alike ("then" for "than"), grammar ("such a swords") and well-known names of several words spelled a
     * letter off ("Lewis Carrol": LanguageTool ships a list of them). Style, typography and punctuation are house
     * style.
     */
    private static final Set<String> CATEGORIES = Set.of("TYPOS", "COLLOCATIONS", "CONFUSED_WORDS", "GRAMMAR",
            MULTITOKEN_SPELLING);
    /** "is a reminiscent of": LanguageTool says what is wrong but offers no words; the fix is to drop the article. */
    private static final String ARTICLE_BEFORE_ADJECTIVE = "ARTICLE_ADJECTIVE_OF";

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

    private static final Pattern VARIETY = Pattern.compile("is (?:American|British|Canadian|Australian) English");

    private final Tools british = new Tools(() -> configure(new JLanguageTool(Languages.getLanguageForShortCode("en-GB"))));
    /** Built on the first American article: most copy here is British, and each instance costs start-up time. */
    private final Tools american = new Tools(() -> configure(new JLanguageTool(Languages.getLanguageForShortCode("en-US"))));

    SpellingGrammarDetector() {
        // The first instance is built now, with the scanner, so the first scan does not pay for it.
        british.release(british.borrow());
    }

    /**
     * Idle instances of one language (an instance is used by one check at a time) and what they found in the
     * paragraphs checked lately. A correction changes one paragraph, and the scan after its publication then checks
     * only that one: LanguageTool's rules here look no further than a sentence, so a paragraph's matches depend on
     * its own text alone.
     */
    private static final class Tools {

        /** About 50 articles' worth of paragraphs, a few megabytes. */
        private static final int REMEMBERED_PARAGRAPHS = 2_000;

        private final Supplier<JLanguageTool> factory;
        private final ConcurrentLinkedDeque<JLanguageTool> idle = new ConcurrentLinkedDeque<>();
        private final Map<String, List<Match>> checked = Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, List<Match>> eldest) {
                        return size() > REMEMBERED_PARAGRAPHS;
                    }
                });

        Tools(Supplier<JLanguageTool> factory) {
            this.factory = factory;
        }

        JLanguageTool borrow() {
            JLanguageTool tool = idle.pollFirst();
            return tool != null ? tool : factory.get();
        }

        void release(JLanguageTool tool) {
            tool.setCheckCancelledCallback(null);
            idle.addFirst(tool);
        }

        /** LanguageTool's matches in one paragraph, positions counted from its start. */
        List<Match> check(String paragraph, ScanDeadline deadline) {
            List<Match> known = checked.get(paragraph);
            if (known != null) {
                return known;
            }
            deadline.check();
            List<RuleMatch> matches;
            JLanguageTool tool = borrow();
            try {
                // LanguageTool asks between sentences and rules whether to go on; past the deadline it returns early,
                // with part of the matches, which the check below throws away before they are remembered.
                tool.setCheckCancelledCallback(deadline::passed);
                matches = tool.check(paragraph);
            } catch (IOException e) {
                throw new IllegalStateException("LanguageTool failed", e);
            } catch (RuntimeException e) {
                // Stopped between analysing a paragraph's sentences and reading them, LanguageTool 6.8 indexes past
                // the ones it analysed: that is the deadline, not a fault.
                deadline.check();
                throw e;
            } finally {
                release(tool);
            }
            deadline.check();
            List<Match> found = matches.stream().map(m -> Match.of(m, paragraph)).toList();
            checked.put(paragraph, found);
            return found;
        }
    }

    /** What FactDesk keeps of a LanguageTool match: where, whether the speller found it, its words. */
    private record Match(int from, int to, boolean spelling, boolean grammar, boolean knownName, String message,
            List<String> replacements) {

        static Match of(RuleMatch match, String paragraph) {
            String category = match.getRule().getCategory().getId().toString();
            Match found = new Match(match.getFromPos(), match.getToPos(), match.getRule() instanceof SpellingCheckRule,
                    GRAMMAR.equals(category), MULTITOKEN_SPELLING.equals(category), match.getMessage(),
                    List.copyOf(match.getSuggestedReplacements()));
            return ARTICLE_BEFORE_ADJECTIVE.equals(match.getRule().getId()) ? found.withArticleDropped(paragraph)
                    : found;
        }

        /** The article before the flagged adjective joins the span, and the adjective alone is the replacement. */
        private Match withArticleDropped(String paragraph) {
            if (!replacements.isEmpty()) {
                return this;
            }
            Matcher article = ARTICLE_BEFORE.matcher(paragraph.substring(0, from));
            if (!article.find()) {
                return this;
            }
            return new Match(article.start(), to, spelling, grammar, knownName, message,
                    List.of(paragraph.substring(from, to)));
        }

        Match shiftedBy(int offset) {
            return new Match(from + offset, to + offset, spelling, grammar, knownName, message, replacements);
        }
    }

    private static final Pattern ARTICLE_BEFORE = Pattern.compile("\\b(?:an?|the) $", Pattern.CASE_INSENSITIVE);

    private static JLanguageTool configure(JLanguageTool tool) {
        for (Rule rule : tool.getAllRules()) {
            // "cafe", "attache", "pureed" without their accents are the English spellings news copy uses.
            if (!CATEGORIES.contains(rule.getCategory().getId().toString())
                    || rule instanceof org.languagetool.rules.en.EnglishDiacriticsRule) {
                tool.disableRule(rule.getId());
            }
        }
        try {
            // LanguageTool loads its dictionaries on the first check; done here, it does not eat into a scan's time.
            tool.check("The council met on Monday to discuss the budget.");
        } catch (IOException e) {
            throw new IllegalStateException("LanguageTool failed", e);
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
        Tools tools = writtenInAmerican(prose) ? american : british;
        ScanDeadline deadline = document.deadline();
        deadline.check();
        List<Match> matches = new ArrayList<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            if (paragraph.embeddedPost() || paragraph.attribution() || paragraph.text().isBlank()) {
                continue;
            }
            for (Match match : tools.check(paragraph.text(), deadline)) {
                matches.add(match.shiftedBy(paragraph.start()));
            }
        }
        deadline.check();
        List<Suggestion> found = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (ScanDocument.Token token : document.tokens()) {
            uses.merge(token.text(), 1, Integer::sum);
        }
        Set<Integer> unknownWords = new java.util.HashSet<>();
        for (Match match : matches) {
            if (match.spelling()) {
                unknownWords.add(match.from());
            }
        }
        for (Match match : matches) {
            int start = match.from();
            int end = match.to();
            if (end <= start || postOrByline(document, start) || postOrByline(document, end - 1)) {
                continue;
            }
            String quote = document.text().substring(start, end);
            boolean spelling = match.spelling();
            // Proper nouns, handles, figures and codes are the name detector's business, not a dictionary's.
            // Other rules' remarks on a single capitalised word ("originally has a diacritic") are about names too.
            boolean oneWord = quote.strip().indexOf(' ') < 0;
            if ((spelling || oneWord) && !match.knownName()
                    && quote.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
                    && (uses.getOrDefault(quote, 0) > 1 || !misspeltKnownName(document, start, end, quote, match))) {
                continue;
            }
            // An unknown lower-case word the article writes the same way again is a term of its subject (a species,
            // a borrowed word), unless it is a letter or two off an ordinary word ("recieved" twice is a habit, not a
            // term). A word the English tagger knows in any variety ("tidbit") is not a misspelling either.
            // Three times the same way is the subject's own word ("wai", "quaffle", "luminol") even a letter off an
            // ordinary one.
            if (spelling && oneWord && quote.equals(quote.toLowerCase(java.util.Locale.ROOT))
                    && ((uses.getOrDefault(quote, 0) > 1 && !slipOfOrdinaryWord(quote, match))
                    || uses.getOrDefault(quote, 0) > 2 || formOfTerm(quote, uses)
                    || secondWordOfName(document, start) || Lexicon.get().known(quote))) {
                continue;
            }
            // Words of another language: one with letters English does not use ("Athína"), one beside another
            // unknown word or beside another language's article or preposition ("visa de tarjeta del turista",
            // "Morne à l'eau"), and the tail of a word the speller split at its apostrophe ("Don'ts", "Avai'o'vuna").
            if (spelling && oneWord && (foreignLetters(quote) || besideForeignWord(document, start, end, unknownWords)
                    || afterInnerApostrophe(document.text(), start))) {
                continue;
            }
            // "Zahā Ḥadīd" for "Zaha Hadid": the same name with and without its accents is a transliteration.
            if (!match.replacements().isEmpty() && !quote.equals(match.replacements().get(0))
                    && withoutAccents(quote).equals(withoutAccents(match.replacements().get(0)))) {
                continue;
            }
            if (match.replacements().isEmpty() || quote.isBlank()) {
                continue;
            }
            // "'traveling' is American English": the other variety's spelling is house style, not an error.
            if (VARIETY.matcher(match.message()).find()) {
                continue;
            }
            // Newsrooms fix typos in statements given in writing, so a slip in a quotation is still proposed, with
            // less confidence: it may be the speaker's own word, and the desk decides. Grammar is not: people speak
            // in fragments ("he, well, he"), and a quote is not tidied into the paper's grammar.
            boolean quoted = document.quoted(start);
            if (match.grammar() && (quoted || hyphenOnly(quote, match.replacements().get(0)))) {
                continue;
            }
            String message = match.message().replaceAll("</?suggestion>", "'");
            found.add(document.suggest(name(), match.knownName() ? Category.NAME : Category.TYPO, start, end,
                    match.replacements().get(0),
                    quoted ? message + " (In a quotation: check the source before changing it.)" : message,
                    quoted ? (spelling ? 0.4 : 0.45) : (spelling ? 0.6 : 0.7)));
        }
        return found;
    }

    /**
     * A capitalised word that is one or two edits from a proper noun the dictionary knows ("Brazillian" for
     * "Brazilian", "Phillipines"): a name misspelled once, which the name detector cannot see when the article never
     * spells it right. A word the article writes the same way again is its spelling of a name, not a slip.
     */
    private static boolean misspeltKnownName(ScanDocument document, int start, int end, String quote,
            Match match) {
        if (match.replacements().isEmpty() || !Character.isUpperCase(quote.charAt(0))
                || quote.chars().skip(1).anyMatch(Character::isUpperCase) || quote.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        String proposed = match.replacements().get(0);
        // "Hernan" for "Hernán": a name written without its accents is a name, not a slip; one written with accents
        // ("Athína") is a name in its own language.
        if (withoutAccents(proposed).equals(quote) || foreignLetters(quote)) {
            return false;
        }
        // Inside a run of capitalised words ("Levico Terme", "Science and Technlogy") the word belongs to a longer
        // name; only a slip of an ordinary word ("Technology") is then worth proposing, not another place's name.
        if (inNameRun(document, start, end) && !Lexicon.get().commonWord(proposed)) {
            return false;
        }
        // Short names have many real neighbours (Kwong, Kong); a long one a letter off a known name rarely does.
        return quote.length() >= 6 && proposed.regionMatches(0, quote, 0, 2) && !vowelForVowel(quote, proposed)
                && Edits.distance(Edits.lower(quote), Edits.lower(proposed)) == 1
                && Lexicon.get().knownProperNoun(proposed) && !Lexicon.get().known(quote);
    }

    /** Articles and prepositions of the languages English copy borrows names and phrases from. */
    private static final Set<String> FOREIGN_FUNCTION_WORDS = Set.of("de", "del", "della", "des", "du", "la", "le",
            "les", "el", "los", "las", "à", "au", "aux", "af", "og", "och", "der", "die", "das", "und", "von", "van",
            "y", "di", "dos");

    /**
     * "bludger" beside "bludgers" written seven times, "waiing" beside "wai": another form of a word the article uses
     * three times or more is a form of its term.
     */
    private static boolean formOfTerm(String word, Map<String, Integer> uses) {
        List<String> stems = new ArrayList<>(List.of(word + "s", word + "es"));
        for (String ending : List.of("s", "es", "ed", "ing", "'d", "’d")) {
            if (word.endsWith(ending) && word.length() > ending.length() + 2) {
                stems.add(word.substring(0, word.length() - ending.length()));
            }
        }
        return stems.stream().anyMatch(stem -> uses.getOrDefault(stem, 0) > 2);
    }

    private static boolean foreignLetters(String word) {
        return word.chars().anyMatch(c -> Character.isLetter(c) && c > 0x7f);
    }

    /** The word next to this one, in the same sentence, is unknown too, written in another alphabet, or foreign. */
    private static boolean besideForeignWord(ScanDocument document, int start, int end, Set<Integer> unknownWords) {
        List<ScanDocument.Token> tokens = document.tokens();
        String text = document.text();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() != start) {
                continue;
            }
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= tokens.size()) {
                    continue;
                }
                ScanDocument.Token other = tokens.get(j);
                // A match may run into the next token ("e.g" of "e.g."): nothing then stands between them.
                String between = j < i ? text.substring(Math.min(other.end(), start), start)
                        : text.substring(Math.min(end, other.start()), other.start());
                if (between.length() > 3 || between.chars().anyMatch(c -> ".!?\n".indexOf(c) >= 0)) {
                    continue;
                }
                String word = other.text().toLowerCase(java.util.Locale.ROOT);
                if (unknownWords.contains(other.start()) || foreignLetters(word)
                        || FOREIGN_FUNCTION_WORDS.contains(word) || word.startsWith("l'") || word.startsWith("d'")) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    private static boolean afterInnerApostrophe(String text, int start) {
        return start >= 2 && "'’".indexOf(text.charAt(start - 1)) >= 0 && Character.isLetter(text.charAt(start - 2));
    }

    /** "15 meter high" for "15-meter high": where compounds take a hyphen is house style, not an error. */
    private static boolean hyphenOnly(String quote, String proposed) {
        return proposed.replace('-', ' ').equals(quote.replace('-', ' '));
    }

    private static boolean slipOfOrdinaryWord(String quote, Match match) {
        String proposed = match.replacements().isEmpty() ? "" : match.replacements().get(0);
        return !proposed.isEmpty() && proposed.equals(proposed.toLowerCase(java.util.Locale.ROOT))
                && Lexicon.get().commonWord(proposed) && Edits.distance(quote, proposed) <= 2;
    }

    /**
     * "Beauveria bassiana", "Formica fusca": a lower-case word right after a capitalised word that is no English word
     * and does not start the sentence is the second half of a name.
     */
    private static boolean secondWordOfName(ScanDocument document, int start) {
        List<ScanDocument.Token> tokens = document.tokens();
        for (int i = 2; i < tokens.size(); i++) {
            if (tokens.get(i).start() == start) {
                ScanDocument.Token previous = tokens.get(i - 1);
                String text = document.text();
                String beforePrevious = text.substring(tokens.get(i - 2).end(), previous.start());
                return previous.capitalised() && text.substring(previous.end(), start).isBlank()
                        && beforePrevious.chars().noneMatch(c -> ".!?\"“\n".indexOf(c) >= 0)
                        && !Lexicon.get().commonWord(previous.text());
            }
        }
        return false;
    }

    private static boolean postOrByline(ScanDocument document, int index) {
        ScanDocument.Paragraph paragraph = document.paragraphAt(index);
        return paragraph != null && (paragraph.embeddedPost() || paragraph.attribution());
    }

    private static String withoutAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** The next word is capitalised, or the one before is and does not start the sentence. */
    private static boolean inNameRun(ScanDocument document, int start, int end) {
        List<ScanDocument.Token> tokens = document.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() == start) {
                String text = document.text();
                boolean next = i + 1 < tokens.size() && tokens.get(i + 1).capitalised()
                        && text.substring(end, tokens.get(i + 1).start()).isBlank();
                boolean previous = i > 0 && tokens.get(i - 1).capitalised()
                        && text.substring(tokens.get(i - 1).end(), start).isBlank()
                        && !(i > 1 && text.substring(tokens.get(i - 2).end(), tokens.get(i - 1).start()).contains("."))
                        && i - 1 > 0;
                return next || previous;
            }
        }
        return false;
    }

    /** "Tutankhamun" and "Tutankhamen": one vowel for another is a transliteration, not a typing slip. */
    private static boolean vowelForVowel(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        String vowels = "aeiouy";
        for (int i = 0; i < a.length(); i++) {
            char x = Character.toLowerCase(a.charAt(i));
            char y = Character.toLowerCase(b.charAt(i));
            if (x != y) {
                return vowels.indexOf(x) >= 0 && vowels.indexOf(y) >= 0;
            }
        }
        return false;
    }

    /**
     * The text up to the last paragraph scanned, with embedded posts, bylines and everything outside the paragraphs
     * blanked out, so positions stay the same and LanguageTool reads less.
     */
    private static String narratorsProse(ScanDocument document) {
        String text = document.text();
        char[] chars = new char[document.scannedEnd()];
        Arrays.fill(chars, ' ');
        for (int i = 0; i < chars.length; i++) {
            if (text.charAt(i) == '\n') {
                chars[i] = '\n';
            }
        }
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            if (paragraph.embeddedPost() || paragraph.attribution()) {
                continue;
            }
            for (int i = paragraph.start(); i < paragraph.end(); i++) {
                chars[i] = text.charAt(i);
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
