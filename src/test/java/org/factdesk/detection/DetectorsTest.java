package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.factdesk.claim.Category;
import org.junit.jupiter.api.Test;

/** Each detector on small texts of its own: what it must find, and the look-alikes it must leave alone. */
class DetectorsTest {

    private static ScanDocument article(String dateline, String... paragraphs) {
        return ScanDocument.ofFile("Test desk\nA headline\n" + dateline + "\n" + String.join("\n", paragraphs));
    }

    private static List<String> quotes(Detector detector, ScanDocument document) {
        return detector.detect(document).stream().map(Suggestion::quote).toList();
    }

    @Test
    void repeatedAndMissingWords() {
        ScanDocument doc = article("3 May 2021, 10:00", "The mayor said the the bridge would reopen.",
                "Repairs of the of the deck are finished.", "According police, nobody was hurt.",
                "He had had enough, he said.");
        assertThat(quotes(new RepeatedWordDetector(), doc))
                .containsExactly("the the", "of the of the", "According police");
    }

    @Test
    void namesSpelledTwoWaysButNotTwoDifferentPlaces() {
        ScanDocument doc = article("3 May 2021, 10:00",
                "Officials from Iran and Iraq met Iranian diplomats in Lisbon on Monday.",
                "The talks were chaired by Portugal's foreign minister, João Gomes Cravinho.",
                "Mr Cravinho said the next round would be held in Baghdad, and Joao Cravinho's office confirmed it.",
                "Hossein Amirabdollahian spoke for Iran; Mr Amirabdolahian said little afterwards.");
        List<Suggestion> found = new NameVariantDetector().detect(doc);
        assertThat(found).extracting(Suggestion::quote, Suggestion::suggestion).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Joao", "João"),
                org.assertj.core.groups.Tuple.tuple("Amirabdolahian", "Amirabdollahian"));
    }

    @Test
    void localTimeFollowsDaylightSaving() {
        ScanDocument winter = article("20 January 2022, 12:00",
                "Polls in Denver closed at 8pm local time in Denver (2am GMT), officials said.");
        ScanDocument summer = article("20 July 2022, 12:00",
                "Polls in Denver closed at 8pm local time in Denver (2am GMT), officials said.");
        assertThat(new TimeDetector().detect(winter)).extracting(Suggestion::category).containsExactly(Category.TIME);
        assertThat(new TimeDetector().detect(summer)).isEmpty();
    }

    @Test
    void twoTimesForOneEventThatDifferAreAConflict() {
        ScanDocument doc = article("12 April 2023, 18:00",
                "The ferry sank at 4.10pm local time in Manila (8.10am GMT), the coastguard said.",
                "Survivors said the ferry sank at 5.10pm local time in Manila, after the engine failed.");
        assertThat(quotes(new TimeDetector(), doc)).containsExactly("5.10pm local time in Manila");
    }

    @Test
    void partsThatAddUpAreLeftAlone() {
        ScanDocument adds = article("3 May 2021, 10:00",
                "Rescuers found 9 survivors, with four in the water, three on the hull and two on a raft.");
        ScanDocument doesNot = article("3 May 2021, 10:00",
                "Rescuers found 9 survivors, with four in the water, three on the hull and one on a raft.");
        assertThat(new NumberDetector().detect(adds)).isEmpty();
        assertThat(quotes(new NumberDetector(), doesNot)).containsExactly("9 survivors");
    }

    @Test
    void oneQuantityWithTwoValues() {
        ScanDocument doc = article("3 May 2021, 10:00", "The storm damaged 31 schools in the region.",
                "By Sunday officials said 13 schools were damaged and would stay shut.");
        assertThat(quotes(new NumberDetector(), doc)).containsExactly("13 schools");
    }

    @Test
    void aQuotationReproducedExactlyIsNotFlagged() {
        ScanDocument doc = article("3 May 2021, 10:00",
                "We will rebuild every home that was lost, and we will start this week.",
                "— City of Hilo (@CityOfHilo) May 2, 2021",
                "The mayor repeated: \"We will rebuild every home that was lost, and we will start this week.\"",
                "He added: \"We will rebuild every house that was lost, and we will start this week.\"");
        assertThat(new QuotationDetector().detect(doc)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("house", "home"));
    }

    @Test
    void realWordTyposNeedTheArticlesOwnVocabulary() {
        ScanDocument doc = article("3 May 2021, 10:00",
                "Troops left the Kandahar bass on Monday.", "The base had housed 2,000 soldiers.",
                "Two other bases will close next year.");
        ScanDocument noVocabulary = article("3 May 2021, 10:00", "Anglers caught a Severn bass on Monday.");
        assertThat(new RealWordDetector().detect(doc)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bass", "base"));
        assertThat(new RealWordDetector().detect(noVocabulary)).isEmpty();
    }

    @Test
    void aSlipInsideAQuotationIsProposedWithLessConfidence() {
        ScanDocument doc = article("3 May 2021, 10:00", "The mayor said the bridge had been recieved well.",
                "\"We recieved the money on Monday,\" the mayor said.");
        List<Suggestion> found = new SpellingGrammarDetector().detect(doc);
        assertThat(found).extracting(Suggestion::quote).containsExactly("recieved", "recieved");
        assertThat(found.get(1).confidence()).isLessThan(found.get(0).confidence());
        assertThat(found.get(1).explanation()).contains("quotation");
    }

    @Test
    void theSecondWordOfASpeciesNameAndAnAccentlessNameAreNotSlips() {
        ScanDocument doc = article("3 May 2021, 10:00",
                "Some ants were infected with Beauveria bassiana, a fungus, the team said.",
                "After the match, Hernan Dario Gomez, the coach, said little.");
        assertThat(quotes(new SpellingGrammarDetector(), doc)).isEmpty();
    }

    @Test
    void aSecondScanAfterOneParagraphChangedFindsWhatAFreshScanFinds() {
        SpellingGrammarDetector detector = new SpellingGrammarDetector();
        ScanDocument before = article("3 May 2021, 10:00", "The council recieved the report on Monday.",
                "Residents said the bridge was safe.", "The mayor will speak on Friday.");
        assertThat(quotes(detector, before)).containsExactly("recieved");
        // The first paragraph is corrected and the second gets a slip of its own; the third is as it was.
        ScanDocument after = article("3 May 2021, 10:00", "The council received the report on Monday.",
                "Residents said the bridge was saef.", "The mayor will speak on Friday.");
        List<Suggestion> again = detector.detect(after);
        assertThat(again).extracting(Suggestion::quote).containsExactly("saef");
        assertThat(again).extracting(Suggestion::start, Suggestion::end)
                .containsExactlyElementsOf(new SpellingGrammarDetector().detect(after).stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.start(), s.end())).toList());
        assertThat(after.text().substring(again.get(0).start(), again.get(0).end())).isEqualTo("saef");
    }

    @Test
    void aPlaceOfTwoWordsGivesItsZoneAndAWordContainingAPlaceDoesNot() {
        // Buenos Aires keeps UTC-3 all year: 8pm there is 11pm GMT.
        assertThat(new TimeDetector().detect(article("20 January 2022, 12:00",
                "The count in Buenos Aires ended at 8pm local time (10pm GMT), officials said.")))
                .extracting(Suggestion::category).containsExactly(Category.TIME);
        assertThat(new TimeDetector().detect(article("20 January 2022, 12:00",
                "The count in Buenos Aires ended at 8pm local time (11pm GMT), officials said."))).isEmpty();
        // "Limaville" is no Lima: without a place the local time has no zone to compare.
        assertThat(new TimeDetector().detect(article("20 January 2022, 12:00",
                "The count in Limaville ended at 8pm local time (10pm GMT), officials said."))).isEmpty();
    }

    @Test
    void contractionsThatLostTheirApostropheButNotWordsThatMerelyMeet() {
        ScanDocument doc = article("3 May 2021, 10:00", "It s the third closure this year, and officials don t know why.",
                "\"I m not surprised,\" a resident said. The council said it said so in March.",
                "The fund can't pay, and it's late; Vitamin D s are sold out.");
        List<Suggestion> found = new ContractionDetector().detect(doc);
        assertThat(found).extracting(Suggestion::quote, Suggestion::suggestion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("It s", "It's"), org.assertj.core.groups.Tuple.tuple("don t", "don't"),
                org.assertj.core.groups.Tuple.tuple("I m", "I'm"));
        // A slip inside a quotation is still proposed, with less confidence.
        assertThat(found.get(2).confidence()).isLessThan(found.get(0).confidence());
        // Typeset copy gets its own apostrophe back.
        assertThat(new ContractionDetector().detect(article("3 May 2021, 10:00",
                "It’s late, and we don t know why; they’re sure it’ll pass.")))
                .extracting(Suggestion::suggestion).containsExactly("don’t");
    }

    @Test
    void grammarIsProposedInTheNarratorsProseButNotInsideAQuotation() {
        ScanDocument prose = article("3 May 2021, 10:00", "The council approved a new rules for parking on Monday.");
        assertThat(new SpellingGrammarDetector().detect(prose)).extracting(Suggestion::quote)
                .containsExactly("a new rules");
        ScanDocument quoted = article("3 May 2021, 10:00",
                "\"The council approved a new rules for parking,\" a resident told reporters.");
        assertThat(new SpellingGrammarDetector().detect(quoted)).isEmpty();
    }

    @Test
    void wellKnownNamesOfSeveralWordsSpelledALetterOffAreNames() {
        ScanDocument doc = article("3 May 2021, 10:00",
                "The festival opens with a reading from Charles Dickins and a talk on Winston Churchill.");
        List<Suggestion> found = new SpellingGrammarDetector().detect(doc);
        assertThat(found).extracting(Suggestion::quote, Suggestion::suggestion, Suggestion::category).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Charles Dickins", "Charles Dickens", Category.NAME));
    }

    @Test
    void anArticleBeforeAnAdjectiveWithOfIsDropped() {
        ScanDocument doc = article("3 May 2021, 10:00", "The new bridge is a reminiscent of the one the flood took.",
                "The mayor was a aware of the cost.");
        assertThat(new SpellingGrammarDetector().detect(doc)).extracting(Suggestion::quote, Suggestion::suggestion)
                .contains(org.assertj.core.groups.Tuple.tuple("a reminiscent", "reminiscent"));
    }

    @Test
    void aSingularSubjectWithABareVerbButNotCollectivesPluralsOrQuotations() {
        ScanDocument wrong = article("3 May 2021, 10:00",
                "The regional newspaper Il Tirreno describe the plan as costly. The mayor disagrees.",
                "The spokesman explain the delay in a statement.");
        assertThat(new AgreementDetector().detect(wrong)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("newspaper Il Tirreno describe",
                        "newspaper Il Tirreno describes"), org.assertj.core.groups.Tuple.tuple("spokesman explain",
                        "spokesman explains"));
        ScanDocument right = article("3 May 2021, 10:00",
                "The government describe the plan as costly, and the regional newspapers describe it as late.",
                "The newspaper described the plan as costly. The local newspapers describe the plan as a folly.",
                "\"The newspaper describe the plan as a folly,\" a reader said. The committee explain the delay.",
                "The spokesman explains the delay. A spokesman will explain the delay.");
        assertThat(new AgreementDetector().detect(right)).isEmpty();
    }

    @Test
    void aConfusionPairLanguageToolMeasuredIsJudgedByItsMeasuredFactor() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LanguageModel.shared().isPresent(), "context model installed");
        ScanDocument wrong = article("3 May 2021, 10:00", "Few residents known about the plan until Monday.");
        assertThat(new ContextDetector().detect(wrong)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("known", "know"));
        ScanDocument right = article("3 May 2021, 10:00", "The plan was known about for years before Monday.");
        assertThat(new ContextDetector().detect(right)).isEmpty();
    }

    @Test
    void aNameOfTwoWordsWithAnotherDerivationOfItsFirstWord() {
        ScanDocument doc = article("3 May 2021, 10:00", "The files were marked Restricted C on every page.",
                "Restriction C files are the lowest grade, and Restricted C ones may be shared with contractors.",
                "The Protected Areas office and the Protection Agency said nothing; the National Trust and the "
                        + "Nationwide Trust declined to comment.");
        assertThat(new NameVariantDetector().detect(doc)).extracting(Suggestion::quote, Suggestion::suggestion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Restriction", "Restricted"));
    }
}
