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

    private static final double FRESH_FLOOR_PRECISION = 0.10;  // first measured 0.14 (3 of 22)
    private static final double FRESH_FLOOR_RECALL = 0.05;  // first measured 0.08 (3 of 38)

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

    /**
     * The held-out half of the real-text corpus: published articles nobody here wrote, with their own errors. Nothing
     * was tuned on it. The bar is recall and precision 0.8; the detectors reach neither yet (recall 0.56,
     * precision 0.64 with the context model), so this test prints the figures on every build and holds the line where
     * they stand: recall at least 0.52 and precision at least 0.6, a little below today's figures so that one label
     * more or less does not flip it, yet a change that loses real ground fails.
     */
    @Test
    void heldOutRealArticlesAreScoredAndHoldTheirFloor() throws IOException {
        List<Corpus.Article> articles = Corpus.heldOut();
        Corpus.Score score = Corpus.score(ArticleScanner.shared(), articles);
        String report = "Held-out real articles: " + articles.size() + " articles, " + score.words() + " words"
                + (LanguageModel.shared().isPresent() ? "" : " (context model not installed)") + "\n" + score.figures();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/detection-heldout-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(articles.stream().mapToInt(a -> a.labels().size()).sum()).isGreaterThanOrEqualTo(20);
        assertThat(score.precision()).as(report).isGreaterThanOrEqualTo(0.6);
        assertThat(score.recall()).as(report).isGreaterThanOrEqualTo(LanguageModel.shared().isPresent() ? 0.52 : 0.36);
    }

    /**
     * A second held-out set, made after the first had been read by mistake: published biographies and academic texts
     * from the GUM corpus, labelled only with the errors GUM marks, that no detector was tuned on. Another genre than
     * news, so it says how far the detectors carry beyond the copy they were built for. Figures only, as above; the
     * floor sits a little under the first measurement (FRESH_FLOOR_*), so that a change losing real ground fails.
     */
    @Test
    void theFreshHeldOutSetIsScoredAndHoldsItsFloor() throws IOException {
        List<Corpus.Article> articles = Corpus.fresh();
        Corpus.Score score = Corpus.score(ArticleScanner.shared(), articles);
        Corpus.Score languageTool = Corpus.score(new ArticleScanner(List.of(new SpellingGrammarDetector())), articles);
        String report = "Fresh held-out set: " + articles.size() + " articles, " + score.words() + " words"
                + (LanguageModel.shared().isPresent() ? "" : " (context model not installed)") + "\n" + score.figures()
                + "LanguageTool alone:\n" + languageTool.figures();
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/detection-fresh-report.txt"), report, StandardCharsets.UTF_8);

        assertThat(score.precision()).as(report).isGreaterThanOrEqualTo(FRESH_FLOOR_PRECISION);
        assertThat(score.recall()).as(report).isGreaterThanOrEqualTo(FRESH_FLOOR_RECALL);
    }

    @Test
    void theRealCorpusSplitsIntoTwoFixedHalves() {
        List<Corpus.Article> development = Corpus.development();
        List<Corpus.Article> heldOut = Corpus.heldOut();
        assertThat(development).isNotEmpty();
        assertThat(heldOut).isNotEmpty();
        assertThat(development).extracting(Corpus.Article::name)
                .doesNotContainAnyElementsOf(heldOut.stream().map(Corpus.Article::name).toList());
        assertThat(development.size() + heldOut.size()).isEqualTo(Corpus.load(Corpus.REAL_DIR).size());
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

    @Test
    void thePoolIsDevelopmentOnlyAndSaysWhereEachArticleComesFrom() throws IOException {
        List<Corpus.Article> pool = Corpus.pool();
        assertThat(pool).hasSizeGreaterThanOrEqualTo(30);
        List<String> real = Corpus.load(Corpus.REAL_DIR).stream().map(Corpus.Article::name).toList();
        assertThat(pool).extracting(Corpus.Article::name).doesNotContainAnyElementsOf(real);
        assertThat(Corpus.heldOut()).extracting(Corpus.Article::name)
                .doesNotContainAnyElementsOf(pool.stream().map(Corpus.Article::name).toList());
        List<String> manifest = Files.readAllLines(Corpus.POOL_DIR.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        for (Corpus.Article article : pool) {
            assertThat(manifest).as(article.name() + " has a source and licence")
                    .anyMatch(row -> row.startsWith(article.name() + "\t") && row.split("\t").length == 5);
        }
    }

    @Test
    void aHeldOutReportGivesFiguresAndNamesNoMissOrFalseAlarm() {
        Corpus.Tally spelling = new Corpus.Tally();
        spelling.labels = 2;
        spelling.found = 1;
        spelling.suggestions = 2;
        spelling.hits = 1;
        Corpus.Score score = new Corpus.Score(new java.util.LinkedHashMap<>(java.util.Map.of("SPELLING", spelling)),
                List.of("an_article SPELLING 'Goverment'"), List.of("an_article languagetool 'their' -> there"), 100, 1);
        assertThat(score.report()).contains("Goverment", "'their'");
        assertThat(score.figures()).contains("SPELLING", "0.50").doesNotContain("Goverment", "'their'");
    }
}
