package org.factdesk.shared;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Formats instants the way the newsroom reads them: its own zone, with the zone named ("8 January 2020, 08:34 GMT"). */
@Component
public class NewsroomTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter TO_THE_SECOND = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss zzz",
            Locale.UK);

    private final FactDeskProperties properties;

    public NewsroomTime(FactDeskProperties properties) {
        this.properties = properties;
    }

    public String format(Instant instant) {
        return FORMAT.format(instant.atZone(properties.newsroomZone()));
    }

    /** As {@link #format}, with seconds: the audit trail orders steps a few seconds apart. */
    public String formatToTheSecond(Instant instant) {
        return TO_THE_SECOND.format(instant.atZone(properties.newsroomZone()));
    }
}
