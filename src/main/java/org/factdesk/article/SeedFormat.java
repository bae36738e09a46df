package org.factdesk.article;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads FactDesk's article file format: line 1 the section or programme, line 2 the headline, line 3 the dateline
 * ({@code 7 January 2020, 23:50 | Updated: 8 January 2020, 08:34}, in UK time, the update optional), then the body,
 * one paragraph a line.
 */
public final class SeedFormat {

    /** Datelines are written in UK time, whatever the newsroom's display zone. */
    static final ZoneId DATELINE_ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATELINE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?<published>[^|]+?)\\s*(?:\\|\\s*Updated:\\s*(?<updated>.+?))?\\s*$");

    private SeedFormat() {
    }

    /** An article as the file gives it. */
    public record Parsed(String section, String headline, Instant publishedAt, Instant updatedAt, String body) {
    }

    /** Raised when a file is not in the format; the message names the line and what was expected. */
    public static class MalformedArticleException extends RuntimeException {
        MalformedArticleException(String message) {
            super(message);
        }
    }

    public static Parsed parse(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        List<String> lines = Arrays.asList(normalised.split("\n", -1));
        if (lines.size() < 4) {
            throw new MalformedArticleException("expected at least 4 lines (section, headline, dateline, body), found "
                    + lines.size());
        }
        String section = lines.get(0).strip();
        String headline = lines.get(1).strip();
        if (section.isEmpty()) {
            throw new MalformedArticleException("line 1: the section is empty");
        }
        if (headline.isEmpty()) {
            throw new MalformedArticleException("line 2: the headline is empty");
        }
        Matcher dateline = DATELINE.matcher(lines.get(2));
        if (!dateline.matches()) {
            throw new MalformedArticleException("line 3: expected a dateline like '7 January 2020, 23:50 | Updated: "
                    + "8 January 2020, 08:34', found '" + lines.get(2) + "'");
        }
        Instant published = time(dateline.group("published"));
        Instant updated = dateline.group("updated") == null ? null : time(dateline.group("updated"));
        if (updated != null && updated.isBefore(published)) {
            throw new MalformedArticleException("line 3: the update time is before the publication time");
        }
        String body = String.join("\n", lines.subList(3, lines.size()).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList());
        if (body.isEmpty()) {
            throw new MalformedArticleException("the article has no body after line 3");
        }
        return new Parsed(section, headline, published, updated, body);
    }

    private static Instant time(String value) {
        try {
            return LocalDateTime.parse(value.strip(), DATELINE_TIME).atZone(DATELINE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedArticleException("line 3: '" + value.strip()
                    + "' is not a time like '7 January 2020, 23:50'");
        }
    }
}
