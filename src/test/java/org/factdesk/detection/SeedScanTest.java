package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The measure on the seed article: at least 9 of its 11 known errors, at most 3 other suggestions. */
class SeedScanTest {

    @Test
    void findsTheSeedsKnownErrorsWithLittleNoise() {
        String text = SeedArticle.text();
        List<Suggestion> suggestions = ArticleScanner.shared().scanFile(text);
        List<SeedArticle.KnownError> found = SeedArticle.KNOWN_ERRORS.stream()
                .filter(e -> suggestions.stream().anyMatch(s -> SeedArticle.hits(text, e, s))).toList();
        List<Suggestion> extra = suggestions.stream()
                .filter(s -> SeedArticle.KNOWN_ERRORS.stream().noneMatch(e -> SeedArticle.hits(text, e, s))).toList();
        System.out.printf("seed: %d of %d known errors found, %d other suggestions%n", found.size(),
                SeedArticle.KNOWN_ERRORS.size(), extra.size());
        extra.forEach(s -> System.out.println("  extra: " + s));

        assertThat(found).hasSizeGreaterThanOrEqualTo(9);
        assertThat(extra).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void positionsAreIndicesIntoTheWholeFile() {
        String text = SeedArticle.text();
        for (Suggestion s : ArticleScanner.shared().scanFile(text)) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.quote());
        }
    }

    @Test
    void theSameInstantInTwoZonesIsAClarificationNotACorrection() {
        String text = SeedArticle.text();
        Suggestion time = ArticleScanner.shared().scanFile(text).stream()
                .filter(s -> s.detector().equals("times")).findFirst().orElseThrow();
        assertThat(time.quote()).isEqualTo("5:30 pm on Jan. 7");
        assertThat(time.suggestion()).isNull();
        assertThat(time.explanation()).contains("US Eastern", "22:30 GMT", "clarify");
    }
}
