package org.factdesk.detection;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.factdesk.claim.Category;

/**
 * Times and dates. Each time expression is resolved against its zone — an explicit one (GMT, EDT, MST, PT, ... as the
 * JDK's zone data names them), "local time" at the place last named (ICU's country-to-zone data and the JDK zone
 * database's cities), the zone the article states for its other times, US Eastern time in a US agency's statement,
 * otherwise the dateline's UK time — on its date or, with none given, the last such moment before publication,
 * daylight saving included. Two times for one event (told in clauses that share a content word, in two sentences)
 * that differ are a conflict; the same instant written on two different clocks, one of them unstated, needs a
 * clarification rather than a correction.
 */
final class TimeDetector implements Detector {

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    /** A US agency speaking: its times are US Eastern time unless it says otherwise. */
    private static final Pattern US_AGENCY = Pattern.compile("\\b(?:Pentagon|White House|State Department"
            + "|Department of (?:Defense|State|Homeland Security|Justice)|Secretary of (?:Defense|State)"
            + "|Defense Department|FBI|CIA|FAA|NTSB|FEMA|US Army|U\\.S\\. Army)\\b");

    /**
     * The zones whose abbreviations copy uses. Their names come from the JDK's own zone data (its US English names:
     * EST, EDT, MST, MDT, PST, AKDT, HST, BST, CEST, AEST...), not from a hand list, so none is missing.
     */
    private static final List<String> NAMED_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London",
            "Europe/Paris", "Europe/Moscow", "Asia/Tokyo", "Australia/Sydney");

    /** Each abbreviation's zone, and the region it belongs to ("EDT" and "ET" both to America/New_York). */
    private record NamedZone(ZoneId zone, String region) {
    }

    private static final Map<String, NamedZone> ABBREVIATIONS = abbreviations();

    private static final String ZONES = "local time|" + ABBREVIATIONS.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed()).collect(Collectors.joining("|"));

    private static final Pattern TIME = Pattern.compile(
            "\\b(?<h>\\d{1,2})(?:[:.](?<m>\\d{2}))?\\s?(?<ap>[ap]\\.?m\\.?)(?![a-z])"
                    + "(?:\\s+(?<zone>" + ZONES + ")\\b(?:\\s+in\\s+(?<in>\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?))?)?"
                    + "(?:\\s+on\\s+(?:(?<mon>" + MONTHS + ")\\.?\\s+(?<day>\\d{1,2})\\b"
                    + "|(?<day2>\\d{1,2})\\s+(?<mon2>" + MONTHS + ")\\b))?"
                    + "|\\b(?<h24>[01]?\\d|2[0-3])[:.](?<m24>\\d{2})\\s?(?:hrs\\s+)?(?<zone24>" + ZONES + ")\\b");

    /** Words too common to tie two sentences to one event. */
    private static final Set<String> GENERIC = Set.of("about", "after", "before", "local", "there", "their", "which",
            "would", "could", "should", "saying", "statement", "approximately", "around", "official", "officials",
            "minister", "government", "police", "people", "still", "later", "earlier", "first", "while", "where",
            "today", "night", "morning", "evening", "afternoon", "tonight", "yesterday", "since", "until");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");
    private static final Map<String, ZoneId> PLACES = places();
    /**
     * The place names by their first word, longest first. One regular expression of all 500 names tried each name at
     * every position of the text and was most of a scan's time; a lookup by the word at hand tries only its own.
     */
    private static final Map<String, List<String>> PLACES_BY_FIRST_WORD = PLACES.keySet().stream()
            .sorted(Comparator.comparing(String::length).reversed())
            .collect(Collectors.groupingBy(TimeDetector::firstWord, HashMap::new, Collectors.toList()));

    /** Where one sentence ends and the next begins. */
    private static final Pattern SENTENCE_BOUNDARY = Pattern.compile("(?<=[.!?])[\"”]?\\s+(?=[\"“]?[A-Z])");

    private static final Pattern OPEN_BRACKET = Pattern.compile("\\(\\s*$");

    /** Marks that end a clause: a time's event is told in its own clause. */
    private static final String CLAUSE_MARKS = ",;:()\u2013\u2014";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** One time expression, resolved. */
    private record Mention(int start, int end, Instant instant, ZoneId zone, boolean zoneStated, String zoneName,
            Set<String> event, int sentence) {
    }

    @Override
    public String name() {
        return "times";
    }

    @Override
    public List<Suggestion> detect(ScanDocument document) {
        List<Suggestion> found = new ArrayList<>();
        List<Mention> mentions = new ArrayList<>();
        Places places = new Places(document);
        // Whether a paragraph quotes a US agency, asked once per paragraph rather than once per time in it.
        Map<Integer, Boolean> usAgency = new HashMap<>();
        String articleZone = articleZone(document);
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            document.deadline().check();
            Matcher m = TIME.matcher(document.text()).region(paragraph.start(), paragraph.end());
            Mention previous = null;
            if (paragraph.embeddedPost()) {
                // A post's times are in its author's zone, which the article does not say; they are not resolved.
                continue;
            }
            while (m.find()) {
                Mention mention = resolve(document, paragraph, m, places, usAgency, articleZone);
                if (mention == null) {
                    continue;
                }
                // "1.30am local time (10.30pm GMT)": the second names the same moment as the first.
                if (previous != null && document.text().substring(previous.end(), mention.start()).matches("\\s*\\(\\s*")) {
                    Suggestion conflict = checkEquivalent(document, previous, mention);
                    if (conflict != null) {
                        found.add(conflict);
                    }
                    mentions.remove(previous);
                    int close = document.text().startsWith(")", mention.end()) ? mention.end() + 1 : mention.end();
                    previous = new Mention(previous.start(), close, mention.instant(), mention.zone(), true,
                            mention.zoneName(), previous.event(), previous.sentence());
                    mentions.add(previous);
                    continue;
                }
                mentions.add(mention);
                previous = mention;
            }
        }
        for (int i = 0; i < mentions.size(); i++) {
            document.deadline().check();
            for (int j = i + 1; j < mentions.size(); j++) {
                Mention a = mentions.get(i);
                Mention b = mentions.get(j);
                // Two times in one sentence are two moments of it ("between 11pm and 1am", "the briefing at 10am and
                // the launch at 2pm"), not one event told twice; the same moment in two zones is handled above.
                if (a.instant() == null || b.instant() == null || a.sentence() == b.sentence()
                        || disjoint(a.event(), b.event())) {
                    continue;
                }
                Duration apart = Duration.between(a.instant(), b.instant()).abs();
                // The same moment on two different clocks, one of them not named, reads as two times; on the same
                // clock ("2:30 p.m. EDT" and, in an article that says EDT, "2:30 p.m.") it reads as one.
                if (apart.isZero() && !a.zone().getRules().getOffset(a.instant())
                        .equals(b.zone().getRules().getOffset(b.instant()))
                        && !(a.zoneStated() && b.zoneStated())) {
                    Mention unstated = b.zoneStated() ? a : b;
                    Mention other = unstated == a ? b : a;
                    found.add(document.suggest(name(), Category.TIME, unstated.start(), unstated.end(), null,
                            "Same moment as '" + document.text().substring(other.start(), other.end()) + "': '"
                                    + document.text().substring(unstated.start(), unstated.end()) + "' is "
                                    + unstated.zoneName() + ", " + utc(unstated.instant()) + ". Not an error, but "
                                    + "readers see two different times: clarify the zone.", 0.7));
                } else if (!apart.isZero() && apart.compareTo(Duration.ofHours(6)) <= 0) {
                    found.add(document.suggest(name(), Category.TIME, b.start(), b.end(),
                            clock(a.instant(), b.zone()),
                            "'" + document.text().substring(b.start(), b.end()) + "' (" + b.zoneName() + ") is "
                                    + utc(b.instant()) + ", but '" + document.text().substring(a.start(), a.end())
                                    + "' for the same event is " + utc(a.instant()) + ": " + apart.toMinutes()
                                    + " minutes apart.", 0.6));
                }
            }
        }
        return found;
    }

    /** "X local time (Y GMT)" where the place's zone does not turn X into Y: the local clock is proposed. */
    private Suggestion checkEquivalent(ScanDocument document, Mention local, Mention stated) {
        if (local.instant() == null || stated.instant() == null || !local.zoneStated()) {
            return null;
        }
        long minutes = Duration.between(stated.instant(), local.instant()).toMinutes();
        if (Math.floorMod(minutes, 24 * 60) == 0) {
            return null;
        }
        String text = document.text();
        int end = stated.end() < text.length() && text.charAt(stated.end()) == ')' ? stated.end() + 1 : stated.end();
        String quote = text.substring(local.start(), end);
        String localClock = clock(stated.instant(), local.zone());
        String fixed = quote.replaceFirst("^\\d{1,2}(?:[:.]\\d{2})?\\s?(?:[ap]\\.?m\\.?)?", localClock);
        return document.suggest(name(), Category.TIME, local.start(), end, fixed,
                text.substring(stated.start(), stated.end()) + " is " + localClock + " " + local.zoneName() + ", not "
                        + text.substring(local.start(), local.end()) + ": one of the two times is wrong.", 0.75);
    }

    private Mention resolve(ScanDocument document, ScanDocument.Paragraph paragraph, Matcher m, Places places,
            Map<Integer, Boolean> usAgency, String articleZone) {
        int hour;
        int minute;
        String zoneWord;
        if (m.group("h") != null) {
            hour = Integer.parseInt(m.group("h"));
            minute = m.group("m") == null ? 0 : Integer.parseInt(m.group("m"));
            if (hour < 1 || hour > 12 || minute > 59) {
                return null;
            }
            boolean pm = m.group("ap").toLowerCase(Locale.ROOT).startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
            zoneWord = m.group("zone");
        } else {
            hour = Integer.parseInt(m.group("h24"));
            minute = Integer.parseInt(m.group("m24"));
            zoneWord = m.group("zone24");
        }
        if (minute > 59) {
            return null;
        }
        ZoneId zone;
        String zoneName;
        boolean stated = zoneWord != null;
        if ("local time".equals(zoneWord)) {
            Map.Entry<String, ZoneId> place = m.group("in") != null && PLACES.containsKey(m.group("in"))
                    ? Map.entry(m.group("in"), PLACES.get(m.group("in")))
                    : places.before(m.start());
            if (place == null) {
                return null;
            }
            zone = place.getValue();
            zoneName = "local time in " + place.getKey() + " (" + zone.getId() + ")";
        } else if (zoneWord != null) {
            zone = ABBREVIATIONS.get(zoneWord).zone();
            zoneName = zoneWord;
        } else if (articleZone != null) {
            // An article that gives its times in one zone ("10 a.m. EDT") gives its other times in it too.
            zone = ZoneId.of(articleZone);
            zoneName = "the article's own zone (" + articleZone + ")";
        } else if (usAgency.computeIfAbsent(paragraph.index(), i -> US_AGENCY.matcher(paragraph.text()).find())) {
            zone = ZoneId.of("America/New_York");
            zoneName = "US Eastern time, as a US agency's statement";
        } else {
            zone = ScanDocument.DATELINE_ZONE;
            zoneName = "UK time, as the dateline";
        }
        String month = m.group("mon") != null ? m.group("mon") : m.group("mon2");
        String day = m.group("day") != null ? m.group("day") : m.group("day2");
        Instant instant = instant(document.publishedAt(), zone, LocalTime.of(hour, minute), month, day);
        int end = m.end();
        String text = document.text();
        // "at 7am." ends the sentence: its full stop is not part of the time (in "7 a.m." it is both).
        if (end - m.start() >= 3 && text.charAt(end - 1) == '.' && text.charAt(end - 2) == 'm'
                && text.charAt(end - 3) != '.') {
            end--;
        }
        int[] sentence = sentence(paragraph, m.start());
        return new Mention(m.start(), end, instant, zone, stated, zoneName,
                event(paragraph, m.start(), sentence), paragraph.start() + sentence[0]);
    }

    /**
     * The region of the zones the article states for its times, when they all agree ("10 a.m. EDT", "1 p.m. ET": US
     * Eastern). GMT and UTC do not count: British copy gives GMT beside a foreign local time, and its own times are
     * still UK time.
     */
    private static String articleZone(ScanDocument document) {
        Set<String> regions = new HashSet<>();
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            if (paragraph.embeddedPost()) {
                continue;
            }
            Matcher m = TIME.matcher(document.text()).region(paragraph.start(), paragraph.end());
            while (m.find()) {
                String word = m.group("zone") != null ? m.group("zone") : m.group("zone24");
                NamedZone named = word == null ? null : ABBREVIATIONS.get(word);
                if (named != null && !named.zone().equals(ZoneOffset.UTC)) {
                    regions.add(named.region());
                }
            }
        }
        return regions.size() == 1 ? regions.iterator().next() : null;
    }

    /**
     * Each abbreviation the JDK gives the named zones in US English, winter and summer: a specific one (EST, EDT, MST)
     * is that offset, whatever the date; a generic one (ET, PT) follows the zone's daylight saving.
     */
    private static Map<String, NamedZone> abbreviations() {
        Map<String, NamedZone> names = new HashMap<>();
        names.put("GMT", new NamedZone(ZoneOffset.UTC, "UTC"));
        names.put("UTC", new NamedZone(ZoneOffset.UTC, "UTC"));
        DateTimeFormatter specific = DateTimeFormatter.ofPattern("zzz", Locale.US);
        DateTimeFormatter generic = DateTimeFormatter.ofPattern("v", Locale.US);
        for (String id : NAMED_ZONES) {
            ZoneId zone = ZoneId.of(id);
            for (int month : new int[] {1, 7}) {
                ZonedDateTime moment = ZonedDateTime.of(2021, month, 15, 12, 0, 0, 0, zone);
                String name = specific.format(moment);
                if (name.matches("[A-Z]{3,5}")) {
                    names.putIfAbsent(name, new NamedZone(moment.getOffset(), id));
                }
                // Only the US zones' generic names (ET, CT, MT, PT, AKT) are in use; Moscow's would be "MT" too.
                String general = generic.format(moment);
                if (id.startsWith("America/") && general.matches("[A-Z]{2,3}")) {
                    names.putIfAbsent(general, new NamedZone(zone, id));
                }
            }
        }
        return Map.copyOf(names);
    }

    /** The moment, on the date given or else the last one before publication. */
    private static Instant instant(Instant published, ZoneId zone, LocalTime time, String month, String day) {
        if (published == null) {
            return null;
        }
        ZonedDateTime reference = published.atZone(zone);
        LocalDate date;
        if (month != null && day != null) {
            int monthNumber = monthNumber(month);
            int d = Integer.parseInt(day);
            if (d < 1 || d > 31) {
                return null;
            }
            try {
                date = LocalDate.of(reference.getYear(), monthNumber, d);
            } catch (java.time.DateTimeException e) {
                return null;
            }
            if (date.isAfter(reference.toLocalDate().plusDays(1))) {
                date = date.minusYears(1);
            }
            return ZonedDateTime.of(date, time, zone).toInstant();
        }
        ZonedDateTime candidate = ZonedDateTime.of(reference.toLocalDate(), time, zone);
        if (candidate.toInstant().isAfter(published)) {
            candidate = candidate.minusDays(1);
        }
        return candidate.toInstant();
    }

    private static int monthNumber(String month) {
        String m = month.substring(0, 3).toLowerCase(Locale.ROOT);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(m)
                + 1;
    }

    /**
     * The places an article names, found once per scan: looking for the last one before each time from the top of the
     * article again would read a long article once for every time in it.
     */
    private static final class Places {

        private final ScanDocument document;
        private final List<int[]> spans = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        Places(ScanDocument document) {
            this.document = document;
            String text = document.text();
            Matcher word = WORD.matcher(text);
            for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
                int from = paragraph.start();
                while (from < paragraph.end() && word.find(from) && word.end() <= paragraph.end()) {
                    from = word.end();
                    if (word.start() > 0 && wordChar(text.charAt(word.start() - 1))) {
                        continue;
                    }
                    for (String name : PLACES_BY_FIRST_WORD.getOrDefault(word.group(), List.of())) {
                        int end = word.start() + name.length();
                        if (end <= paragraph.end() && text.startsWith(name, word.start())
                                && (end == text.length() || !wordChar(text.charAt(end)))) {
                            spans.add(new int[] {word.start(), end});
                            names.add(name);
                            from = end;
                            break;
                        }
                    }
                }
            }
        }

        /** The place named last before {@code index}, or else the first one after it in its paragraph. */
        Map.Entry<String, ZoneId> before(int index) {
            int last = -1;
            for (int low = 0, high = spans.size() - 1; low <= high; ) {
                int mid = (low + high) >>> 1;
                if (spans.get(mid)[1] <= index) {
                    last = mid;
                    low = mid + 1;
                } else {
                    high = mid - 1;
                }
            }
            if (last >= 0) {
                return Map.entry(names.get(last), PLACES.get(names.get(last)));
            }
            // Nothing before: "... at 3pm local time, in Nairobi" names the place after the time.
            ScanDocument.Paragraph paragraph = document.paragraphAt(index);
            int next = last + 1;
            while (next < spans.size() && spans.get(next)[0] < index) {
                next++;
            }
            if (paragraph != null && next < spans.size() && spans.get(next)[1] <= paragraph.end()) {
                return Map.entry(names.get(next), PLACES.get(names.get(next)));
            }
            return null;
        }
    }

    /** Where the sentence holding {@code index} starts and ends, as offsets into the paragraph's text. */
    private static int[] sentence(ScanDocument.Paragraph paragraph, int index) {
        String text = paragraph.text();
        int at = index - paragraph.start();
        int start = 0;
        int end = text.length();
        Matcher boundary = SENTENCE_BOUNDARY.matcher(text);
        while (boundary.find()) {
            if (boundary.end() <= at) {
                start = boundary.end();
            } else {
                end = boundary.start();
                break;
            }
        }
        return new int[] {start, end};
    }

    /**
     * The content-word stems of the clause holding the time — the sentence up to the comma, semicolon, colon, dash or
     * bracket on either side: two times whose clauses share one are read as one event. The whole sentence tied
     * "Under the new timetable, the first bus leaves at 6am" to "Under the new timetable, the office opens at 8am".
     */
    private static Set<String> event(ScanDocument.Paragraph paragraph, int index, int[] sentence) {
        String text = paragraph.text();
        int at = index - paragraph.start();
        int start = sentence[0];
        int end = sentence[1];
        int back = at;
        int from = at;
        // A time in brackets after another ("6.30am local time in Mumbai (1am GMT)") tells the clause around them.
        Matcher open = OPEN_BRACKET.matcher(text).region(start, at);
        if (open.find()) {
            back = open.start();
            int close = text.indexOf(')', at);
            from = close >= 0 && close < end ? close + 1 : at;
        }
        for (int i = back - 1; i > start; i--) {
            if (CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        // A bracket right after the time holds its other zone ("(1.14am GMT)"), not the end of the clause.
        Matcher time = TIME.matcher(text).region(from, end);
        if (from == at && time.lookingAt()) {
            from = time.end();
            Matcher bracket = Pattern.compile("\\s*\\([^)]*\\)").matcher(text).region(from, end);
            if (bracket.lookingAt()) {
                from = bracket.end();
            }
        }
        for (int i = from; i < end; i++) {
            if (CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        Set<String> stems = stems(text.substring(start, Math.max(start, end)));
        // "At approximately 5:30 pm on Jan. 7, Iran launched...": a time that stands in a phrase of its own is the
        // time of what the sentence tells.
        return stems.isEmpty() ? stems(text.substring(sentence[0], sentence[1])) : stems;
    }

    private static Set<String> stems(String words) {
        Set<String> stems = new HashSet<>();
        for (String word : words.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 5 && !GENERIC.contains(word)) {
                stems.add(word.substring(0, 5));
            }
        }
        return stems;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    private static String utc(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return t.format(CLOCK) + " GMT on " + t.getDayOfMonth() + " "
                + t.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static String clock(Instant instant, ZoneId zone) {
        ZonedDateTime t = instant.atZone(zone);
        return t.format(DateTimeFormatter.ofPattern(t.getMinute() == 0 ? "ha" : "h.mma", Locale.UK))
                .toLowerCase(Locale.UK);
    }

    /** True for a city in the zone database or a country ICU names, such as "Hong Kong". */
    static boolean isPlaceName(String name) {
        return PLACES.containsKey(name);
    }

    /** Place names and their zones: cities from the zone database, countries with a single zone from ICU. */
    private static Map<String, ZoneId> places() {
        Map<String, ZoneId> places = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.matches("(Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+")) {
                places.putIfAbsent(id.substring(id.indexOf('/') + 1).replace('_', ' '), ZoneId.of(id));
            }
        }
        for (String code : ULocale.getISOCountries()) {
            String[] zones = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, code, null)
                    .toArray(new String[0]);
            if (zones.length == 1) {
                places.put(new ULocale("", code).getDisplayCountry(ULocale.ENGLISH), ZoneId.of(zones[0]));
            }
        }
        return places;
    }

    private static String firstWord(String name) {
        Matcher m = WORD.matcher(name);
        return m.find() && m.start() == 0 ? m.group() : name;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
