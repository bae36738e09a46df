package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Times in US zones, one moment given in two zones, different events of one article, and times with no zone in an
 * article that states its zone: none of them is a conflict, while a real one beside them still is.
 */
class TimeZonesAndEventsTest {

    private static List<String> times(String dateline, String... paragraphs) {
        ScanDocument document = ScanDocument.ofFile(
                "Science\nA headline\n" + dateline + "\n" + String.join("\n", paragraphs));
        return new TimeDetector().detect(document).stream().map(Suggestion::quote).toList();
    }

    @Test
    void oneMomentInTwoUsZonesIsNoConflict() {
        assertThat(times("20 July 2022, 12:00",
                "NASA will brief reporters at 10 a.m. EDT (8 a.m. MDT) on Thursday, the agency said.")).isEmpty();
        assertThat(times("20 July 2022, 12:00",
                "The briefing starts at 10 a.m. EDT (7 a.m. PDT), the agency said.")).isEmpty();
        // Arizona keeps standard time: 4 p.m. MST is 11 p.m. GMT in summer as in winter.
        assertThat(times("20 July 2022, 12:00",
                "The monsoon storm reached Phoenix at 4 p.m. MST (11 p.m. GMT), forecasters said.")).isEmpty();
    }

    @Test
    void oneMomentInTwoZonesThatDoNotAgreeIsStillAConflict() {
        assertThat(times("20 July 2022, 12:00",
                "NASA will brief reporters at 10 a.m. EDT (9 a.m. MDT) on Thursday, the agency said."))
                .containsExactly("10 a.m. EDT (9 a.m. MDT)");
        assertThat(times("20 July 2022, 12:00",
                "The monsoon storm reached Phoenix at 4 p.m. MST (10 p.m. GMT), forecasters said.")).hasSize(1);
    }

    @Test
    void twoMomentsOfOneSentenceAreNotOneEvent() {
        assertThat(times("14 August 2014, 12:00",
                "Superstores let you walk the store for boxes when they are stocking it between 11pm and 1am."))
                .isEmpty();
        assertThat(times("20 July 2022, 12:00",
                "Reporters are briefed at 10 a.m. EDT, and the launch window opens at 2:30 p.m. EDT.")).isEmpty();
    }

    @Test
    void sentencesThatShareOnlyTheirSettingAreDifferentEvents() {
        assertThat(times("3 March 2023, 12:00",
                "Under the new timetable, the first bus leaves the depot at 6am.",
                "Under the new timetable, the ticket office opens at 8am.")).isEmpty();
        // The same event told twice with two times is still a conflict.
        assertThat(times("3 March 2023, 12:00",
                "Under the new timetable, the first bus leaves the depot at 6am.",
                "Drivers said the first bus now leaves the depot at 7am.")).containsExactly("7am");
    }

    @Test
    void aTimeWithNoZoneTakesTheZoneTheArticleStates() {
        assertThat(times("20 July 2022, 12:00",
                "The launch is set for 2:30 p.m. EDT on Thursday, NASA said.",
                "Engineers said the launch would come at 2:30 p.m. if the weather holds.")).isEmpty();
        assertThat(times("20 July 2022, 12:00",
                "The launch is set for 2:30 p.m. EDT on Thursday, NASA said.",
                "Engineers said the launch would come at 3:30 p.m. if the weather holds."))
                .containsExactly("3:30 p.m.");
    }
}
