package org.factdesk.detection;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.claim.Category;

/**
 * Names spelled two ways in one article ("Soleimai" beside "Soleimani", "Irbil" beside "Erbil", a dropped diacritic).
 * It proposes the form an authority backs — the one in a social media handle, then the one LanguageTool's dictionary
 * knows as a proper noun, then the one the article uses most, then the one it uses first.
 */
final class NameVariantDetector implements Detector {

    private static final Pattern HANDLE = Pattern.compile("@(\\w+)");

    /** Every place a capitalised name occurs, in order. */
    private record Form(String name, List<ScanDocument.Token> places) {

        int count() {
            return places.size();
        }
    }

    @Override
    public String name() {
        return "name-variants";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        Lexicon lexicon = Lexicon.get();
        Map<String, Form> forms = new LinkedHashMap<>();
        for (ScanDocument.Token token : document.tokens()) {
            String name = withoutPossessive(token.text());
            if (!Character.isUpperCase(name.charAt(0)) || name.length() < 4 || name.chars().anyMatch(Character::isDigit)
                    || isAllCaps(name) || lexicon.commonWord(name)
                    // "I'll" beside "I’ll": two apostrophes are typography, not two spellings of a name.
                    || name.indexOf('\'') >= 0 || name.indexOf('’') >= 0) {
                continue;
            }
            forms.computeIfAbsent(name, n -> new Form(n, new ArrayList<>())).places().add(token);
        }
        List<String> handles = new ArrayList<>();
        Matcher handle = HANDLE.matcher(document.text());
        while (handle.find()) {
            handles.add(Edits.lower(handle.group(1)));
        }
        List<Form> all = new ArrayList<>(forms.values());
        // Each form's authority and folded spelling, worked out once: the comparison below is of every pair.
        Map<Form, Integer> authority = new IdentityHashMap<>();
        Map<Form, String> folded = new IdentityHashMap<>();
        for (Form form : all) {
            authority.put(form, authority(form, handles, lexicon));
            folded.put(form, Edits.fold(form.name()));
        }
        List<Suggestion> found = new ArrayList<>();
        for (Form a : all) {
            document.deadline().check();
            if (a.count() > 3) {
                // Used this often, it is the article's spelling, not a slip.
                continue;
            }
            Form best = null;
            for (Form b : all) {
                if (a == b || !variants(a, b, folded, document, handles, lexicon)) {
                    continue;
                }
                int bAuthority = authority.get(b);
                int aAuthority = authority.get(a);
                if (bAuthority > aAuthority
                        || (bAuthority == aAuthority && b.places().get(0).start() < a.places().get(0).start())) {
                    best = best == null || bAuthority > authority.get(best) ? b : best;
                }
            }
            if (best == null || boundInLongerName(best, a, document)) {
                continue;
            }
            boolean accents = folded.get(a).equals(folded.get(best));
            for (ScanDocument.Token place : a.places()) {
                ScanDocument.Paragraph paragraph = document.paragraphAt(place.start());
                if (paragraph != null && paragraph.attribution()) {
                    continue;
                }
                int end = place.start() + a.name().length();
                found.add(document.suggest(name(), Category.NAME, place.start(), end, best.name(),
                        accents ? "The article writes '" + best.name() + "' with its accents elsewhere."
                                : "The article spells this name '" + best.name() + "' elsewhere (" + best.count()
                                + "×)" + reason(best, handles, lexicon) + "; '" + a.name() + "' looks like a slip.",
                        accents ? 0.85 : 0.8));
            }
        }
        found.addAll(derivedWordInName(document));
        // The checks below may reach the same slip another way; the first to name a place speaks for it.
        for (List<Suggestion> more : List.of(misspeltCommonName(document, forms, handles, lexicon),
                headlineSpelling(document, forms, lexicon))) {
            for (Suggestion s : more) {
                if (found.stream().noneMatch(s::overlaps)) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    private static final Pattern NAME_IN_HEADLINE = Pattern.compile("\\p{Lu}[\\p{L}\\p{M}]{4,}");

    /**
     * "Schwarzeneger" in the body of an article whose headline writes "Schwarzenegger": the headline is read with
     * care, and the scan does not cover it, so its spelling of a name is the article's authority. A body form up to
     * three times, a letter away (two for a name of seven letters or more), starting with the same letter, and that
     * neither the dictionary nor the model knows, is proposed in the headline's spelling.
     */
    private List<Suggestion> headlineSpelling(ScanDocument document, Map<String, Form> forms, Lexicon lexicon) {
        List<String> headlineNames = new ArrayList<>();
        Matcher m = NAME_IN_HEADLINE.matcher(headline(document));
        while (m.find()) {
            String name = m.group();
            if (!lexicon.commonWord(name) && !isAllCaps(name)) {
                headlineNames.add(name);
            }
        }
        List<Suggestion> found = new ArrayList<>();
        for (Form form : forms.values()) {
            String written = form.name();
            if (form.count() > 3 || headlineNames.contains(written) || !unknownName(written, lexicon)) {
                continue;
            }
            for (String name : headlineNames) {
                int distance = Edits.distance(Edits.lower(written), Edits.lower(name));
                int allowed = Math.min(written.length(), name.length()) >= 7 ? 2 : 1;
                if (distance == 0 || distance > allowed || written.charAt(0) != name.charAt(0)) {
                    continue;
                }
                for (ScanDocument.Token place : form.places()) {
                    ScanDocument.Paragraph paragraph = document.paragraphAt(place.start());
                    if (paragraph != null && paragraph.attribution()) {
                        continue;
                    }
                    found.add(document.suggest(name(), Category.NAME, place.start(), place.start() + written.length(),
                            name, "The headline spells this name '" + name + "'; '" + written + "' looks like a slip.",
                            0.75));
                }
                break;
            }
        }
        return found;
    }

    /** A name this common in English text (log10 unigram probability in the language model) has one spelling. */
    static final double COMMON_NAME = -5.7;

    /**
     * "Rboert Sarvis", "Kroean Central News Agency": a name the article writes once, that neither LanguageTool's
     * dictionary nor the language model knows, one letter from a proper noun both know, that is no common word, and that
     * English text uses often. A rare name a letter from a common one would be flagged by mistake, so the written form must be unknown
     * to the model too (whose 72,000 words hold the common first names, surnames and places), and only one common
     * name may be that close. Silent without the model.
     */
    private List<Suggestion> misspeltCommonName(ScanDocument document, Map<String, Form> forms, List<String> handles,
            Lexicon lexicon) {
        java.util.Optional<LanguageModel> model = LanguageModel.shared();
        if (model.isEmpty()) {
            return List.of();
        }
        LanguageModel lm = model.get();
        String metadata = headline(document);
        List<Suggestion> found = new ArrayList<>();
        for (Form form : forms.values()) {
            String written = form.name();
            String lower = Edits.lower(written);
            if (form.count() != 1 || written.length() < 5 || !written.chars().allMatch(Character::isLetter)
                    || written.chars().skip(1).anyMatch(Character::isUpperCase) || lm.knows(lower)
                    || lexicon.known(written) || inHandle(form, handles) || metadata.contains(written)) {
                continue;
            }
            ScanDocument.Token place = form.places().get(0);
            ScanDocument.Paragraph paragraph = document.paragraphAt(place.start());
            if (paragraph != null && paragraph.attribution()) {
                continue;
            }
            String best = null;
            int candidates = 0;
            for (String edit : ContextDetector.edits(lower)) {
                if (edit.isEmpty() || edit.charAt(0) != lower.charAt(0) || !lm.knows(edit)
                        || lm.unigram(edit) < COMMON_NAME * LanguageModel.LOG10) {
                    continue;
                }
                String name = Character.toUpperCase(edit.charAt(0)) + edit.substring(1);
                // A common word ("Green", "Fish") is a surname or a stadium's name as often as a slip's target.
                if (lexicon.knownProperNoun(name) && !lexicon.commonWord(name) && !forms.containsKey(name)) {
                    candidates++;
                    best = name;
                }
            }
            if (candidates == 1) {
                found.add(document.suggest(name(), Category.NAME, place.start(), place.start() + written.length(),
                        best, "'" + written + "' is no name the dictionary knows; '" + best
                                + "', a letter away, is a common one.", 0.6));
            }
        }
        return found;
    }

    /** The file's first lines (section, headline, dateline), which the scan does not read as body text. */
    private static String headline(ScanDocument document) {
        List<ScanDocument.Paragraph> paragraphs = document.paragraphs();
        int bodyStart = paragraphs.isEmpty() ? document.text().length() : paragraphs.get(0).start();
        return document.text().substring(0, bodyStart);
    }

    /** A name of two capitalised words, the second a letter ("Protected B") or a capitalised word. */
    private record TwoWordName(String first, String second, ScanDocument.Token at) {
    }

    /**
     * "Protection B" beside "Protected B": one name of two capitalised words whose last word is the same and whose
     * first word is another derivation of the same stem. The dictionary knows both words, so the single-word
     * comparison above never sees them; the form the article uses more (then first) is proposed.
     */
    private List<Suggestion> derivedWordInName(ScanDocument document) {
        List<ScanDocument.Token> tokens = document.tokens();
        List<TwoWordName> names = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            ScanDocument.Token a = tokens.get(i);
            ScanDocument.Token b = tokens.get(i + 1);
            if (a.capitalised() && b.capitalised() && a.text().length() >= 6 && !isAllCaps(a.text())
                    && a.text().chars().allMatch(Character::isLetter) && b.text().chars().allMatch(Character::isLetter)
                    && document.text().substring(a.end(), b.start()).equals(" ")) {
                names.add(new TwoWordName(a.text(), b.text(), a));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        names.forEach(n -> counts.merge(n.first() + " " + n.second(), 1, Integer::sum));
        List<Suggestion> found = new ArrayList<>();
        for (TwoWordName slip : names) {
            String slipName = slip.first() + " " + slip.second();
            for (TwoWordName other : names) {
                String otherName = other.first() + " " + other.second();
                if (!other.second().equals(slip.second()) || other.first().equals(slip.first())
                        || !sameStem(slip.first(), other.first())) {
                    continue;
                }
                int slipUses = counts.get(slipName);
                int otherUses = counts.get(otherName);
                boolean otherWins = otherUses > slipUses
                        || (otherUses == slipUses && other.at().start() < slip.at().start());
                ScanDocument.Paragraph paragraph = document.paragraphAt(slip.at().start());
                if (otherWins && (paragraph == null || !paragraph.attribution())) {
                    found.add(document.suggest(name(), Category.NAME, slip.at().start(), slip.at().end(),
                            other.first(), "The article calls this '" + otherName + "' elsewhere (" + otherUses
                                    + "×); '" + slipName + "' looks like a slip.", 0.7));
                    break;
                }
            }
        }
        return found;
    }

    /** "Protected" and "Protection": the same first five letters or more, and the rest a short suffix of each. */
    private static boolean sameStem(String a, String b) {
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= 5 && a.length() - common <= 3 && b.length() - common <= 3;
    }

    /**
     * Two forms are one name spelled two ways when they differ by accents, or by one edit; two edits only when the
     * same first name stands before both (Javad Zarif, Javad Zafrim) or one is in a handle. Two names the dictionary
     * knows (Iran, Iraq) are two places, and a form that starts the other (Iran, Iranian) is a derivation.
     */
    private static boolean variants(Form a, Form b, Map<Form, String> folded, ScanDocument document,
            List<String> handles, Lexicon lexicon) {
        String x = a.name();
        String y = b.name();
        if (folded.get(a).equals(folded.get(b))) {
            return true;
        }
        if (Math.abs(x.length() - y.length()) > 2) {
            // More than two edits apart, whatever the letters.
            return false;
        }
        String lx = Edits.lower(x);
        String ly = Edits.lower(y);
        if (lx.startsWith(ly) || ly.startsWith(lx)) {
            return false;
        }
        if (lexicon.knownProperNoun(x) && lexicon.knownProperNoun(y)) {
            return false;
        }
        int distance = Edits.distance(lx, ly);
        if (distance == 1) {
            return Math.min(x.length(), y.length()) >= 4;
        }
        if (distance == 2 && Math.min(x.length(), y.length()) >= 5 && lx.charAt(0) == ly.charAt(0)
                && (sharedFirstName(a, b, document) || inHandle(a, handles) || inHandle(b, handles))) {
            return true;
        }
        // Further apart, a long name written once beside one the article keeps using, when nothing knows the once
        // form as a word or name of its own: "Schwarzeneger" beside "Schwarzenegger" four times.
        return distance <= (Math.min(x.length(), y.length()) >= 8 ? 3 : 2) && Math.min(x.length(), y.length()) >= 6
                && lx.charAt(0) == ly.charAt(0) && a.count() == 1 && b.count() >= 2 && unknownName(x, lexicon);
    }

    /** Neither LanguageTool's dictionary nor the language model (when installed) knows the word. */
    private static boolean unknownName(String name, Lexicon lexicon) {
        return !lexicon.known(name)
                && LanguageModel.shared().map(lm -> !lm.knows(Edits.lower(name))).orElse(true);
    }

    /**
     * "Kong" only ever in "Hong Kong", a place the gazetteer knows, and "Kwong" never after "Hong": the form is part
     * of a longer name the variant is not in, so the two are different names.
     */
    private static boolean boundInLongerName(Form best, Form variant, ScanDocument document) {
        String before = null;
        for (ScanDocument.Token place : best.places()) {
            String w = wordBefore(document, place);
            if (w == null || !Character.isUpperCase(w.charAt(0)) || (before != null && !before.equals(w))) {
                return false;
            }
            before = w;
        }
        for (ScanDocument.Token place : variant.places()) {
            if (before.equals(wordBefore(document, place))) {
                return false;
            }
        }
        // A gazetteer says whether the two words are one name: the zone database's cities and ICU's countries.
        return TimeDetector.isPlaceName(before + " " + best.name());
    }

    private static boolean sharedFirstName(Form a, Form b, ScanDocument document) {
        for (ScanDocument.Token x : a.places()) {
            for (ScanDocument.Token y : b.places()) {
                String before1 = wordBefore(document, x);
                String before2 = wordBefore(document, y);
                if (before1 != null && before1.equals(before2) && Character.isUpperCase(before1.charAt(0))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String wordBefore(ScanDocument document, ScanDocument.Token token) {
        List<ScanDocument.Token> tokens = document.tokens();
        int i = document.indexOf(token);
        if (i <= 0) {
            return null;
        }
        ScanDocument.Token before = tokens.get(i - 1);
        String between = document.text().substring(before.end(), token.start());
        return between.isBlank() ? before.text() : null;
    }

    private static int authority(Form form, List<String> handles, Lexicon lexicon) {
        int score = form.count();
        if (inHandle(form, handles)) {
            score += 100;
        }
        if (lexicon.knownProperNoun(form.name())) {
            score += 50;
        }
        if (!Edits.fold(form.name()).equals(form.name())) {
            score += 25;
        }
        return score;
    }

    private static String reason(Form form, List<String> handles, Lexicon lexicon) {
        if (inHandle(form, handles)) {
            return ", as in the social media handle";
        }
        if (lexicon.knownProperNoun(form.name())) {
            return ", the dictionary's spelling";
        }
        return "";
    }

    private static boolean inHandle(Form form, List<String> handles) {
        String name = Edits.lower(form.name());
        return handles.stream().anyMatch(h -> h.contains(name));
    }

    private static boolean isAllCaps(String name) {
        return name.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }

    static String withoutPossessive(String word) {
        if (word.endsWith("'s") || word.endsWith("’s")) {
            return word.substring(0, word.length() - 2);
        }
        return word;
    }
}
