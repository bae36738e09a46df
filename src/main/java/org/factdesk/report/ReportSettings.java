package org.factdesk.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How FactDesk takes reader reports, under {@code factdesk.reports.*}.
 *
 * @param maxPerClient reports one client address may file within the window; more get 429
 * @param window       the time within which a client's reports count
 * @param maxTracked   client addresses remembered at most, so that the memory is bounded
 * @param minFillTime  the least time between the form being shown and sent; anything faster is a bot, not a reader
 * @param maxFormAge   how long a form stays good; an older one asks the reader to reload the page
 * @param publicUrl    where readers reach FactDesk's public pages, for the links in a reader's erasure and
 *                     resolution messages
 */
@ConfigurationProperties("factdesk.reports")
public record ReportSettings(
        @DefaultValue("5") int maxPerClient,
        @DefaultValue("1h") Duration window,
        @DefaultValue("10000") int maxTracked,
        @DefaultValue("3s") Duration minFillTime,
        @DefaultValue("1d") Duration maxFormAge,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public ReportSettings {
        if (maxPerClient < 1 || maxTracked < 1) {
            throw new IllegalArgumentException("factdesk.reports: max-per-client and max-tracked must be at least 1");
        }
        if (window.isNegative() || window.isZero() || minFillTime.isNegative() || maxFormAge.compareTo(minFillTime) <= 0) {
            throw new IllegalArgumentException("factdesk.reports: window must be positive, min-fill-time not negative "
                    + "and max-form-age longer than min-fill-time");
        }
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
