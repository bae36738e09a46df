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
    @Test
    void aNameWrittenOnceTwoEditsFromTheArticlesSpellingIsProposedAndADifferentPersonIsNot() {
        ScanDocument slip = article("Researchers at Helsinki University led the study.",
                "The team returned to Hlsiki in June.", "Helsinki has funded the work since 2012.");
        assertThat(new NameVariantDetector().detect(slip)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(Tuple.tuple("Hlsiki", "Helsinki"));
        // Written twice, it is the article's spelling; a form with accents is the name in its own language.
        ScanDocument twice = article("Researchers at Helsinki University led the study.",
                "The team returned to Hlsiki in June.", "Hlsiki is a village.", "Helsinki has funded the work.");
        assertThat(new NameVariantDetector().detect(twice)).isEmpty();
        ScanDocument foreign = article("Athens is the capital.", "Locals call it Athína.", "Athens has grown.");
        assertThat(new NameVariantDetector().detect(foreign)).isEmpty();
    }

    @Test
    void aNameThatLostItsLastLetterIsProposedButADerivationIsNot() {
        ScanDocument slip = article("Michael Skinner performed first.", "Later Michae Skinner spoke.");
        assertThat(new NameVariantDetector().detect(slip)).extracting(Suggestion::quote, Suggestion::suggestion)
                .contains(Tuple.tuple("Michae", "Michael"));
        ScanDocument derivation = article("Korea said the Korean army moved.", "Korea later denied it.");
        assertThat(new NameVariantDetector().detect(derivation)).isEmpty();
    }

    @Test
    void aTransliterationInParenthesesIsNotAnotherSpelling() {
        ScanDocument doc = article("Dame Zaha Hadid (Arabic: Zahā Ḥadīd) was an architect.");
        assertThat(new NameVariantDetector().detect(doc)).isEmpty();
    }

    @Test
    void slotsThatWantAnotherFormAreProposedAndCorrectTextIsLeftAlone() {
        RealWordDetector detector = new RealWordDetector();
        assertThat(detector.detect(article("The city has in recent years began to grow.")))
                .extracting(Suggestion::quote, Suggestion::suggestion).containsExactly(Tuple.tuple("began", "begun"));
        assertThat(detector.detect(article("The tickets were to expensive for most fans.")))
                .extracting(Suggestion::quote, Suggestion::suggestion).containsExactly(Tuple.tuple("to", "too"));
        assertThat(detector.detect(article("I make them more pretty then they were.")))
                .extracting(Suggestion::quote, Suggestion::suggestion).containsExactly(Tuple.tuple("then", "than"));
        assertThat(detector.detect(article("The city has begun to grow. What she has did not matter.",
                "Prices ranged from cheap to expensive.", "She tried to get her to mythic.",
                "If the project costs more then I'm not interested.", "We ate, and then we left."))).isEmpty();
    }

    @Test
    void itsAndItsContractionAreToldApartByTheWordsAround() {
        assumeThat(LanguageModel.shared()).isPresent();
        assertThat(new ContextDetector().detect(article("I think your going to love the new park.",
                "The dog wagged it's tail at the door.", "They said you're car was parked outside.")))
                .extracting(Suggestion::quote, Suggestion::suggestion).containsExactly(Tuple.tuple("you're", "your"));
        assertThat(new ContextDetector().detect(article("The company is trying its best to avoid errors.",
                "It's time to go, she said.", "The council said its budget was balanced."))).isEmpty();
    }
}
