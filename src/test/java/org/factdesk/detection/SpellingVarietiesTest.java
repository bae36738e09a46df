package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An American article's American spelling is no error, a misspelling inside a quotation is still proposed with less
 * confidence, and words of another language, an article's own terms and a name with its accents are not typos —
 * while a real typo beside them still is.
 */
class SpellingVarietiesTest {

    private static final SpellingGrammarDetector DETECTOR = new SpellingGrammarDetector();

    private static List<Suggestion> scan(String... paragraphs) {
        return DETECTOR.detect(ScanDocument.ofFile("News\nA headline\n4 July 2023, 12:00\n"
                + String.join("\n", paragraphs)));
    }

    @Test
    void anAmericanArticlesAmericanSpellingIsNoError() {
        List<Suggestion> found = scan(
                "The city council voted to organize a new center for the neighborhood's theater program.",
                "Residents who traveled to the meeting said the color of the new harbor lights was a favorite.",
                "Officials will recieve the final plans in the fall.");
        assertThat(found).extracting(Suggestion::quote).containsExactly("recieve");
    }

    @Test
    void aBritishArticlesBritishSpellingIsNoErrorEither() {
        List<Suggestion> found = scan(
                "The council voted to organise a new centre for the neighbourhood's theatre programme.",
                "Residents who travelled to the meeting said the colour of the new harbour lights was a favourite.",
                "Officials will recieve the final plans in the autumn.");
        assertThat(found).extracting(Suggestion::quote).containsExactly("recieve");
    }

    @Test
    void aMisspellingInsideAQuotationInAnAmericanArticleIsProposedWithLessConfidence() {
        List<Suggestion> found = scan(
                "The mayor said the city would organize a new center for the neighborhood.",
                "\"We will recieve the plans this fall,\" she said, adding that officials would recieve them too.");
        assertThat(found).extracting(Suggestion::quote).containsExactly("recieve", "recieve");
        Suggestion quoted = found.get(0);
        Suggestion narrated = found.get(1);
        assertThat(quoted.confidence()).isLessThan(narrated.confidence());
        assertThat(quoted.explanation()).contains("quotation");
        assertThat(narrated.explanation()).doesNotContain("quotation");
    }

    @Test
    void wordsOfAnotherLanguageAndTheArticlesOwnTermsAreNotTypos() {
        List<Suggestion> found = scan(
                "A tourist visa card (visa de tarjeta del turista) is necessary, and the town of Morne à l'eau has a "
                        + "famous cemetery.",
                "Athens (Greek: Athína) hosted the games. The wai is a greeting; you should not wai street vendors, "
                        + "and a slight bow is enough when someone makes a wai to you.",
                "Hotels recieve guests all year.");
        assertThat(found).extracting(Suggestion::quote).containsExactly("recieve");
    }
}
