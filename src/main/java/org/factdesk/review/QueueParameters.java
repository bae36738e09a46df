package org.factdesk.review;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.factdesk.claim.Category;
import org.factdesk.claim.Severity;
import org.factdesk.shared.ProblemException;

/**
 * A queue request's parameters as they arrive in a URL (the API's and the queue page's alike), read into a
 * {@link QueueQuery}: names of tabs, orders, categories and severities in any case; a value that is none of them is a
 * 400 that lists what is; {@code q} is the search.
 */
public record QueueParameters(String tab, Long article, Long claim, String category, String severity, String step,
        String dueBefore, String sort, Integer page, Integer size, String q) {

    public QueueQuery toQuery() {
        return new QueueQuery(parse(QueueQuery.Tab.class, "tab", tab), article, claim,
                parse(Category.class, "category", category), parse(Severity.class, "severity", severity),
                blankToNull(step), instant(dueBefore), parse(QueueQuery.Sort.class, "sort", sort),
                page == null ? 0 : page, size == null ? QueueQuery.DEFAULT_SIZE : size, q);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", "'" + name + "' is one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ".");
        }
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "'dueBefore' is an ISO-8601 instant in UTC, such "
                    + "as 2026-12-03T18:00:00Z.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
