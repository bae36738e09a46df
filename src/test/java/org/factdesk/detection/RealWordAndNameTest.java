package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The context detector's other-number and other-tense alternatives, what they must find, and the look-alikes (names
 * among them) that the detectors must leave alone.
 */
class RealWordAndNameTest {

    private static ScanDocument article(String... paragraphs) {
        return ScanDocument.ofFile("Test desk\nA headline\n3 May 2021, 10:00\n" + String.join("\n", paragraphs));
    }

    @Test
    void inflectionsAreTheRegularOtherNumberAndTense() {
        assertThat(ContextDetector.inflections("school")).contains("schools", "schooled");
        assertThat(ContextDetector.inflections("cities")).contains("city");
        assertThat(ContextDetector.inflections("chairman")).contains("chairmen");
        assertThat(ContextDetector.inflections("caused")).contains("cause");
        assertThat(ContextDetector.inflections("boss")).contains("bosses").doesNotContain("bos");
        assertThat(ContextDetector.inflections("an")).isEmpty();
    }

    @Test
    void aNounInTheWrongNumberIsProposedInTheOtherAndTheRightOneIsLeftAlone() {
        assumeThat(LanguageModel.shared()).isPresent();
        ScanDocument wrong = article("Dozens of protester gathered outside the parliament.");
        ScanDocument right = article("Dozens of protesters gathered outside the parliament.");
        assertThat(new ContextDetector().detect(wrong)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(Tuple.tuple("protester", "protesters"));
        assertThat(new ContextDetector().detect(right)).isEmpty();
    }

    @Test
    void aRareNameNextToACommonWordOrWrittenTheSameWayTwiceIsAName() {
        assumeThat(LanguageModel.shared()).isPresent();
        // "Gruen" is a letter from "Green", a common word as well as a name; "Rboert" twice is the article's spelling;
        // a name the headline spells the same way is the article's spelling too.
        ScanDocument doc = ScanDocument.ofFile("Test desk\nRoberta Kamau wins\n3 May 2021, 10:00\n"
                + "Eberhard Gruen and his colleagues detected the dust.\n"
                + "Attorney Rboert Sarvis spoke. Rboert Sarvis later left.\n"
                + "Kamau said she was delighted.");
        assertThat(new NameVariantDetector().detect(doc)).isEmpty();
    }

    @Test
    void twoApostrophesAreNotTwoSpellingsOfAName() {
        ScanDocument doc = article("I'll be there, she said.", "“I’ll call you,” he replied.");
        assertThat(new NameVariantDetector().detect(doc)).isEmpty();
    }

    @Test
    void withoutTheModelTheNewChecksAreSilent() {
        ContextDetector detector = new ContextDetector(java.util.Optional.empty());
        assertThat(detector.detect(article("Dozens of protester gathered outside the parliament."))).isEmpty();
    }
}
