package org.factdesk.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The fresh held-out set has the shape scoring relies on: enough articles, each with a manifest row saying where it
 * came from, none sharing a name or a GUM source document with the other corpora, and every label pointing at words
 * that stand in its text. It checks shape only and never scans the texts, so the set stays unseen by detectors.
 */
class FreshCorpusShapeTest {

    private static final Pattern GUM_DOCUMENT = Pattern.compile("GUM_[a-z]+_[a-z0-9]+");

    @Test
    void holdsAtLeastTwentyFiveArticles() {
        assertThat(Corpus.fresh()).hasSizeGreaterThanOrEqualTo(25);
    }

    @Test
    void everyArticleHasAManifestRowAndEveryRowAnArticle() throws IOException {
        Set<String> articles = names(Corpus.FRESH_DIR);
        Set<String> rows = manifestColumn(Corpus.FRESH_DIR, 0);
        assertThat(rows).isEqualTo(articles);
        for (String line : manifestRows(Corpus.FRESH_DIR)) {
            String[] columns = line.split("\t");
            assertThat(columns).as(line).hasSize(5);
            assertThat(columns[1]).as("source of " + columns[0]).contains("GUM_" + columns[0] + ".xml");
            assertThat(columns[2]).as("url of " + columns[0]).startsWith("http");
            assertThat(columns[3]).as("licence of " + columns[0]).startsWith("CC BY");
        }
    }

    @Test
    void sharesNoNameWithTheOtherCorpora() throws IOException {
        Set<String> fresh = names(Corpus.FRESH_DIR);
        for (Path other : List.of(Corpus.DIR, Corpus.REAL_DIR, Corpus.POOL_DIR)) {
            assertThat(fresh).as("names shared with " + other).doesNotContainAnyElementsOf(names(other));
        }
    }

    @Test
    void sharesNoGumDocumentWithTheRealCorpusOrThePool() throws IOException {
        Set<String> fresh = gumDocuments(Corpus.FRESH_DIR);
        assertThat(fresh).hasSameSizeAs(names(Corpus.FRESH_DIR));
        for (Path other : List.of(Corpus.REAL_DIR, Corpus.POOL_DIR)) {
            assertThat(gumDocuments(other)).as("documents in " + other).isNotEmpty();
            assertThat(fresh).as("documents shared with " + other).doesNotContainAnyElementsOf(gumDocuments(other));
        }
    }

    @Test
    void everyLabelQuotesItsTextAsWrittenWithAKnownKind() {
        for (Corpus.Article article : Corpus.fresh()) {
            for (Corpus.Label label : article.labels()) {
                assertThat(Corpus.KINDS).as(article.name() + " " + label.quote()).contains(label.kind());
                assertThat(label.quote()).isNotBlank();
                assertThat(article.text().substring(label.start(), label.end())).isEqualTo(label.quote());
            }
        }
        assertThat(Corpus.fresh().stream().mapToInt(a -> a.labels().size()).sum()).isPositive();
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - ".txt".length())).collect(Collectors.toSet());
        }
    }

    private static List<String> manifestRows(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static Set<String> manifestColumn(Path dir, int column) throws IOException {
        return manifestRows(dir).stream().map(l -> l.split("\t")[column]).collect(Collectors.toSet());
    }

    /** The GUM documents a corpus was made from, read from its manifest's source column only. */
    private static Set<String> gumDocuments(Path dir) throws IOException {
        Set<String> documents = new HashSet<>();
        for (String source : manifestColumn(dir, 1)) {
            Matcher m = GUM_DOCUMENT.matcher(source);
            while (m.find()) {
                documents.add(m.group());
            }
        }
        return documents;
    }
}
