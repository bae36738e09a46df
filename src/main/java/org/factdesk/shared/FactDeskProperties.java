package org.factdesk.shared;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FactDesk's own settings under {@code factdesk.*}.
 *
 * @param dataDir      where the embedded database and other files live ({@code FACTDESK_DATA_DIR})
 * @param newsroomZone the zone in which times are shown to people, with the zone named
 * @param seeds        resource pattern of the article files imported once on start
 */
@ConfigurationProperties("factdesk")
public record FactDeskProperties(Path dataDir, ZoneId newsroomZone, String seeds) {

    public FactDeskProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (newsroomZone == null) {
            newsroomZone = ZoneId.of("Europe/London");
        }
        if (seeds == null) {
            seeds = "classpath*:seeds/*.txt";
        }
    }
}
