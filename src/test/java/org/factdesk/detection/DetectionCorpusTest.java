package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Scores the detectors on the labelled corpus — articles written for this test with other names, places, zones and
 * numbers than the seed, and clean ones — prints recall and precision per category, and fails below 0.8 overall.
 */
class DetectionCorpusTest {

    @Test
    void recallAndPrecisionOnTheLabelledCorpus() throws IOException {
        List<Corpus.Article> articles = Corpus.load();
        Corpus.Score score = Corpus.score(ArticleScanner.shared(), articles);
        String report = "Detection corpus: " + articles.size() + " articles, " + score.words() + " words\n"
                + score.report();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/detection-corpus-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(score.recall()).as(report).isGreaterThanOrEqualTo(0.8);
        assertThat(score.precision()).as(report).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theCorpusIsLargeEnoughAndCoversEveryCategory() {
        List<Corpus.Article> articles = Corpus.load();
        assertThat(articles.stream().filter(a -> !a.labels().isEmpty())).hasSizeGreaterThanOrEqualTo(12);
        assertThat(articles.stream().filter(a -> a.labels().isEmpty())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(articles.stream().flatMap(a -> a.labels().stream()).map(Corpus.Label::kind).distinct())
                .containsExactlyInAnyOrderElementsOf(Corpus.KINDS);
    }

    @Test
    void cleanArticlesGetNoSuggestions() {
        for (Corpus.Article article : Corpus.load()) {
            if (article.labels().isEmpty()) {
                assertThat(ArticleScanner.shared().scanFile(article.text())).as(article.name()).isEmpty();
            }
        }
    }
}
