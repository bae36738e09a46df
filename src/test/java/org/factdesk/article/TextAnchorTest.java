package org.factdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Anchors a quote in a text by position and context, and finds it again after the text changed around it. */
class TextAnchorTest {

    private static final String TEXT = "The attack targeted Al Asad base and the Erbil vase in Kurdistan.";

    @Test
    void findsEveryOccurrenceInOrder() {
        assertThat(TextAnchor.occurrences("Soleimai and Soleimai, not Soleimani; Soleimai.", "Soleimai"))
                .containsExactly(0, 13, 38);
    }

    @Test
    void countsOccurrencesWithoutOverlap() {
        assertThat(TextAnchor.occurrences("aaaaa", "aa")).containsExactly(0, 2);
    }

    @Test
    void findsNoOccurrenceOfAMissingOrEmptyQuote() {
        assertThat(TextAnchor.occurrences(TEXT, "Erbil case")).isEmpty();
        assertThat(TextAnchor.occurrences(TEXT, "")).isEmpty();
    }

    @Test
    void keepsTheExactQuoteWithUpTo32CharactersOfContextOnEitherSide() {
        int start = TEXT.indexOf("Erbil vase");

        TextAnchor anchor = TextAnchor.at(TEXT, start, start + "Erbil vase".length());

        assertThat(anchor.exact()).isEqualTo("Erbil vase");
        assertThat(anchor.start()).isEqualTo(start);
        assertThat(anchor.end()).isEqualTo(start + 10);
        assertThat(anchor.prefix()).hasSize(TextAnchor.CONTEXT).isEqualTo("k targeted Al Asad base and the ");
        assertThat(anchor.suffix()).isEqualTo(" in Kurdistan.");
    }

    @Test
    void cutsTheContextAtTheEdgesOfTheText() {
        TextAnchor anchor = TextAnchor.at("Erbil vase", 0, 10);

        assertThat(anchor.prefix()).isEmpty();
        assertThat(anchor.suffix()).isEmpty();
    }

    @Test
    void refusesARangeOutsideTheText() {
        assertThatThrownBy(() -> TextAnchor.at(TEXT, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextAnchor.at(TEXT, 5, TEXT.length() + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextAnchor.at(TEXT, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relocatesToTheSamePlaceWhenTheTextIsUnchanged() {
        TextAnchor anchor = anchor(TEXT, "Erbil vase", 1);

        assertThat(anchor.relocate(TEXT, TEXT)).contains(anchor);
    }

    @Test
    void relocatesAQuoteThatEarlierTextMoved() {
        TextAnchor anchor = anchor(TEXT, "Erbil vase", 1);
        String later = "Overnight, the attack targeted Al Asad base and the Erbil vase in Kurdistan.";

        Optional<TextAnchor> found = anchor.relocate(TEXT, later);

        assertThat(found).isPresent();
        assertThat(found.get().start()).isEqualTo(later.indexOf("Erbil vase"));
        assertThat(found.get().exact()).isEqualTo("Erbil vase");
        assertThat(found.get().prefix()).endsWith("Al Asad base and the ");
    }

    @Test
    void relocatesAQuoteWhoseNearbyContextWasCorrected() {
        String text = "Martyr Soleimai was the name; the Erbil vase was hit.";
        TextAnchor anchor = anchor(text, "Erbil vase", 1);
        String later = text.replace("Soleimai", "Soleimani").replace("was hit", "were hit");

        assertThat(anchor.relocate(text, later)).map(TextAnchor::start).contains(later.indexOf("Erbil vase"));
    }

    @Test
    void followsTheFlaggedOccurrenceNotAnotherWithTheSameWords() {
        String text = "One vase was broken in Baghdad. Missiles hit the Erbil vase in Kurdistan overnight.";
        TextAnchor second = anchor(text, "vase", 2);
        String later = "A long new opening paragraph was added above everything else here.\n" + text;

        Optional<TextAnchor> found = second.relocate(text, later);

        assertThat(found).map(TextAnchor::start).contains(later.indexOf("vase", later.indexOf("vase") + 1));
    }

    @Test
    void followsTheMiddleOfThreeIdenticalParagraphs() {
        String paragraph = "x".repeat(40) + " vase " + "y".repeat(40);
        String text = paragraph + paragraph + paragraph;
        TextAnchor middle = anchor(text, "vase", 2);
        String later = "z" + text.replaceFirst("x", "");

        assertThat(middle.relocate(text, later)).map(TextAnchor::start).contains(middle.start());
    }

    @Test
    void findsNothingWhenTheQuoteWasCorrected() {
        TextAnchor anchor = anchor(TEXT, "Erbil vase", 1);

        assertThat(anchor.relocate(TEXT, TEXT.replace("Erbil vase", "Erbil base"))).isEmpty();
        assertThat(anchor.relocate(TEXT, "")).isEmpty();
    }

    @Test
    void findsNothingWhenOnlyTheSameWordsElsewhereRemain() {
        String text = "Missiles hit the Erbil vase in Kurdistan.\nOfficials said nothing hit the Erbil vase museum.";
        TextAnchor first = anchor(text, "Erbil vase", 1);
        String later = text.replaceFirst("Erbil vase", "Erbil base");

        assertThat(first.relocate(text, later)).isEmpty();
    }

    @Test
    void findsNothingWhenTextWasInsertedInsideTheQuote() {
        TextAnchor anchor = anchor(TEXT, "Erbil vase", 1);

        assertThat(anchor.relocate(TEXT, TEXT.replace("Erbil vase", "Erbil old vase"))).isEmpty();
    }

    private static TextAnchor anchor(String text, String quote, int occurrence) {
        int start = TextAnchor.occurrences(text, quote).get(occurrence - 1);
        return TextAnchor.at(text, start, start + quote.length());
    }

    @Test
    void followsAQuoteThroughRandomEditsAndNeverPointsAtTheWrongPlace() {
        Random random = new Random(20261203);
        for (int round = 0; round < 3000; round++) {
            String original = randomText(random, 300 + random.nextInt(500));
            int start = random.nextInt(original.length() - 20);
            TextAnchor anchor = TextAnchor.at(original, start, start + 1 + random.nextInt(15));
            int from = random.nextInt(original.length());
            int to = Math.min(original.length(), from + random.nextInt(6));
            String inserted = randomText(random, random.nextInt(5) + (to == from ? 1 : 0));
            String later = original.substring(0, from) + inserted + original.substring(to);
            Optional<TextAnchor> found = anchor.relocate(original, later);
            String edit = "round " + round + ": " + from + ".." + to + " -> '" + inserted + "' near " + anchor;
            // Wherever it is found, the flagged words stand there.
            found.ifPresent(a -> assertThat(later.substring(a.start(), a.end())).as(edit).isEqualTo(anchor.exact()));
            // An edit well clear of the quote moves it by what it inserted or removed before it, or not at all.
            if (to + 10 < anchor.start()) {
                assertThat(found).as(edit).map(TextAnchor::start)
                        .contains(anchor.start() + inserted.length() - (to - from));
            } else if (from > anchor.end() + 10) {
                assertThat(found).as(edit).map(TextAnchor::start).contains(anchor.start());
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(6) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    @Test
    void oneComparisonFindsEveryAnchorAsEachWouldBeFoundAlone() {
        String before = "Lodnon one, then Lodnon two, then Lodnon three, then Lodnon four and Lodnon five.";
        // Two corrections far apart, so the texts differ in a long middle stretch, and one of the quotes changed.
        String after = "London one, then Lodnon two, then Lodnon 3, then Lodnon four and London five.";
        TextAnchor.Relocation once = TextAnchor.between(before, after);
        int found = 0;
        for (int start : TextAnchor.occurrences(before, "Lodnon")) {
            for (int end : new int[] {start + 6, Math.min(before.length(), start + 12)}) {
                TextAnchor anchor = TextAnchor.at(before, start, end);
                Optional<TextAnchor> alone = anchor.relocate(before, after);
                assertThat(once.find(anchor)).as(anchor.exact()).isEqualTo(alone);
                found += alone.isPresent() ? 1 : 0;
            }
        }
        assertThat(found).as("some anchors survive the corrections, some do not").isBetween(1, 9);
        assertThat(once.find(TextAnchor.at(before, 0, 6))).isEmpty();
        assertThat(once.find(TextAnchor.at(before, before.indexOf("Lodnon two"), before.indexOf("Lodnon two") + 10))
                .map(TextAnchor::start)).contains(after.indexOf("Lodnon two"));
    }
}
