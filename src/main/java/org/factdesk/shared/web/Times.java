package org.factdesk.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

import org.factdesk.shared.FactDeskProperties;
import org.factdesk.shared.NewsroomTime;
import org.springframework.stereotype.Component;

/**
 * Times as the pages show them: in the newsroom's zone with the zone named (through {@link NewsroomTime}), ages and
 * deadlines relative to FactDesk's clock, and ISO instants for {@code <time datetime>}. Templates call it as
 * {@code ${@times.at(instant)}}.
 */
@Component("times")
public class Times {

    private final NewsroomTime newsroomTime;
    private final ZoneId zone;
    private final Clock clock;

    Times(NewsroomTime newsroomTime, FactDeskProperties properties, Clock clock) {
        this.newsroomTime = newsroomTime;
        this.zone = properties.newsroomZone();
        this.clock = clock;
    }

    /** "8 January 2020, 08:34 GMT", or an empty string for no time. */
    public String at(Instant instant) {
        return instant == null ? "" : newsroomTime.format(instant);
    }

    /** The instant in the newsroom's zone to the second, as the audit pages show it. */
    public String exact(Instant instant) {
        return instant == null ? "" : newsroomTime.formatToTheSecond(instant);
    }

    /** Now, as {@link #at} shows it. */
    public String now() {
        return at(clock.instant());
    }

    /** The machine-readable form for {@code <time datetime>}: ISO-8601 in UTC. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The newsroom's zone as people name it, e.g. "London time (Europe/London)". */
    public String zoneName() {
        String city = zone.getId().contains("/") ? zone.getId().substring(zone.getId().lastIndexOf('/') + 1)
                .replace('_', ' ') + " time" : zone.getDisplayName(TextStyle.FULL, Locale.UK);
        return city + " (" + zone.getId() + ")";
    }

    /** How long ago: "just now", "12 min", "3 h 5 min", "2 d 4 h". */
    public String age(Instant since) {
        return since == null ? "" : span(Duration.between(since, instant()));
    }

    /** "in 3 h 5 min" or "2 h overdue". */
    public String deadline(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(instant(), due);
        if (left.isNegative()) {
            return span(left.negated()).equals("just now") ? "due now" : span(left.negated()) + " overdue";
        }
        return span(left).equals("just now") ? "due now" : "in " + span(left);
    }

    public boolean overdue(Instant due) {
        return due != null && due.isBefore(instant());
    }

    /** Due within the next hour: worth a look before it is late. */
    public boolean dueSoon(Instant due) {
        return due != null && !overdue(due) && due.isBefore(instant().plus(Duration.ofHours(1)));
    }

    public Instant instant() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String span(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        return hours % 24 == 0 ? hours / 24 + " d" : hours / 24 + " d " + hours % 24 + " h";
    }
}
