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
            // "Vava’u" and "Vava'u": a curly apostrophe for a straight one is typography, not another spelling.
            String name = withoutPossessive(token.text()).replace('’', '\'');
            if (!Character.isUpperCase(name.charAt(0)) || name.length() < 4 || name.chars().anyMatch(Character::isDigit)
                    || isAllCaps(name) || lexicon.commonWord(name)) {
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
            // "Zaha Hadid (Arabic: Zahā Ḥadīd)": a form with accents the article writes less often than the plain one
            // is the name's transliteration, given once; the plain form is the article's own spelling.
            if (accents && (best.count() < a.count() || inParentheses(document, best.places().get(0).start()))) {
                continue;
            }
            for (ScanDocument.Token place : a.places()) {
                ScanDocument.Paragraph paragraph = document.paragraphAt(place.start());
                if (paragraph != null && (paragraph.attribution() || introducedAsAlias(document, place.start()))) {
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
        return found;
    }

    /** The place stands inside parentheses opened shortly before it in the same paragraph. */
    private static boolean inParentheses(ScanDocument document, int at) {
        String before = document.text().substring(Math.max(0, at - 80), at);
        int open = before.lastIndexOf('(');
        return open >= 0 && before.lastIndexOf(')') < open && before.indexOf('\n', open) < 0;
    }

    private static final Pattern ALIAS = Pattern.compile(
            "\\b(?:also known as|known as|originally called|also called|called|a\\.?k\\.?a\\.?)"
                    + "\\s+(?:\\p{Lu}\\p{L}*\\s+)?$");

    /** "Isfahan (also known as Esfahan)", "Jolfa (originally called New Julfa)": another name, given as such. */
    private static boolean introducedAsAlias(ScanDocument document, int start) {
        return ALIAS.matcher(document.text().substring(Math.max(0, start - 40), start)).find();
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
            return truncated(a, b, lexicon) || truncated(b, a, lexicon);
        }
        if (lexicon.knownProperNoun(x) && lexicon.knownProperNoun(y)) {
            return false;
        }
        int distance = Edits.distance(lx, ly);
        if (distance == 1) {
            // Four letters have too many real neighbours among names ("Anse", "Anne"; "Kong", "Kang").
            return Math.min(x.length(), y.length()) >= 5;
        }
        if (distance == 2 && Math.min(x.length(), y.length()) >= 5 && lx.charAt(0) == ly.charAt(0)) {
            return sharedFirstName(a, b, document) || inHandle(a, handles) || inHandle(b, handles)
                    || onceBesideEstablished(a, b, lexicon) || onceBesideEstablished(b, a, lexicon);
        }
        return false;
    }

    /**
     * "Michae" once beside "Michael": a form that is the other with its last letter lost, written once, which the
     * dictionary does not know (so not "Korea" beside "Korean"), while the other is a name it knows or the article
     * writes again. A longer tail is a derivation ("Iran", "Iranian").
     */
    private static boolean truncated(Form shorter, Form longer, Lexicon lexicon) {
        return shorter.count() == 1 && longer.name().length() == shorter.name().length() + 1
                && shorter.name().length() >= 5 && !lexicon.known(shorter.name())
                && (lexicon.knownProperNoun(longer.name()) || longer.count() >= 2);
    }

    /**
     * "Hlsiki" once beside "Helsinki": two edits apart, the slip written once and unknown to the dictionary, the
     * other a name the dictionary knows or the article writes at least twice, both long enough that two edits leave
     * most of the name, and the same first two letters: a different person or place is rarely that close to a name
     * the article has already established.
     */
    private static boolean onceBesideEstablished(Form slip, Form established, Lexicon lexicon) {
        String s = Edits.lower(slip.name());
        String e = Edits.lower(established.name());
        // A form with letters English does not use ("Athína" beside "Athens") is the name in its own language.
        return slip.count() == 1 && s.length() >= 6 && s.chars().allMatch(c -> c < 0x80) && e.length() >= 6 && s.regionMatches(0, e, 0, 1)
                && !lexicon.known(slip.name())
                && (lexicon.knownProperNoun(established.name()) || established.count() >= 2);
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
