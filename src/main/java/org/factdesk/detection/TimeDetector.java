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
 * Times and dates. Each time expression is resolved against its zone — an explicit one (GMT, ET, ...), "local time"
 * at the place last named (ICU's country-to-zone data and the JDK zone database's cities), US Eastern time in a US
 * agency's statement, otherwise the dateline's UK time — on its date or, with none given, the last such moment
 * before publication, daylight saving included. Two times for one event that differ are a conflict; the same instant
 * written in different zones, one of them unstated, needs a clarification rather than a correction.
 */
final class TimeDetector implements Detector {

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final String ZONES = "local time|GMT|UTC|BST|CET|CEST|EST|EDT|ET|CST|CDT|CT|PST|PDT|PT|MSK|JST"
            + "|AEST|AEDT";
    private static final Pattern TIME = Pattern.compile(
            "\\b(?<h>\\d{1,2})(?:[:.](?<m>\\d{2}))?\\s?(?<ap>[ap]\\.?m\\.?)(?![a-z])"
                    + "(?:\\s+(?<zone>" + ZONES + ")\\b(?:\\s+in\\s+(?<in>\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+)?))?)?"
                    + "(?:\\s+on\\s+(?:(?<mon>" + MONTHS + ")\\.?\\s+(?<day>\\d{1,2})\\b"
                    + "|(?<day2>\\d{1,2})\\s+(?<mon2>" + MONTHS + ")\\b))?"
                    + "|\\b(?<h24>[01]?\\d|2[0-3])[:.](?<m24>\\d{2})\\s?(?:hrs\\s+)?(?<zone24>" + ZONES + ")\\b");

    /** A US agency speaking: its times are US Eastern time unless it says otherwise. */
    private static final Pattern US_AGENCY = Pattern.compile("\\b(?:Pentagon|White House|State Department"
            + "|Department of (?:Defense|State|Homeland Security|Justice)|Secretary of (?:Defense|State)"
            + "|Defense Department|FBI|CIA|FAA|NTSB|FEMA|US Army|U\\.S\\. Army)\\b");

    private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
            Map.entry("GMT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("BST", ZoneId.of("Europe/London")),
            Map.entry("CET", ZoneId.of("Europe/Paris")), Map.entry("CEST", ZoneId.of("Europe/Paris")),
            Map.entry("ET", ZoneId.of("America/New_York")), Map.entry("EST", ZoneId.of("America/New_York")),
            Map.entry("EDT", ZoneId.of("America/New_York")), Map.entry("CT", ZoneId.of("America/Chicago")),
            Map.entry("CST", ZoneId.of("America/Chicago")), Map.entry("CDT", ZoneId.of("America/Chicago")),
            Map.entry("PT", ZoneId.of("America/Los_Angeles")), Map.entry("PST", ZoneId.of("America/Los_Angeles")),
            Map.entry("PDT", ZoneId.of("America/Los_Angeles")), Map.entry("MSK", ZoneId.of("Europe/Moscow")),
            Map.entry("JST", ZoneId.of("Asia/Tokyo")), Map.entry("AEST", ZoneId.of("Australia/Sydney")),
            Map.entry("AEDT", ZoneId.of("Australia/Sydney")));

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

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    /** One time expression, resolved. */
    private record Mention(int start, int end, Instant instant, ZoneId zone, boolean zoneStated, String zoneName,
            Set<String> event, Mention equivalent) {
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
        for (ScanDocument.Paragraph paragraph : document.paragraphs()) {
            document.deadline().check();
            Matcher m = TIME.matcher(document.text()).region(paragraph.start(), paragraph.end());
            Mention previous = null;
            if (paragraph.embeddedPost()) {
                // A post's times are in its author's zone, which the article does not say; they are not resolved.
                continue;
            }
            while (m.find()) {
                Mention mention = resolve(document, paragraph, m, places, usAgency);
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
                            mention.zoneName(), previous.event(), null);
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
                if (a.instant() == null || b.instant() == null || disjoint(a.event(), b.event())) {
                    continue;
                }
                Duration apart = Duration.between(a.instant(), b.instant()).abs();
                if (apart.isZero() && !a.zone().getRules().equals(b.zone().getRules())
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
            Map<Integer, Boolean> usAgency) {
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
            zone = ABBREVIATIONS.get(zoneWord);
            zoneName = zoneWord;
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
        return new Mention(m.start(), end, instant, zone, stated, zoneName, event(document, paragraph, m.start()),
                null);
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

    /** The sentence's content-word stems: two times whose sentences share one are read as one event. */
    private static Set<String> event(ScanDocument document, ScanDocument.Paragraph paragraph, int index) {
        String text = paragraph.text();
        int at = index - paragraph.start();
        int start = 0;
        Matcher boundary = SENTENCE_BOUNDARY.matcher(text);
        int end = text.length();
        while (boundary.find()) {
            if (boundary.end() <= at) {
                start = boundary.end();
            } else {
                end = boundary.start();
                break;
            }
        }
        Set<String> stems = new HashSet<>();
        for (String word : text.substring(start, end).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
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
