package org.factdesk.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.UUID;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.shared.FactDeskProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.io.support.ResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up import: every good file once, a malformed one reported and skipped, nothing twice on a restart. */
@FactDeskTest
class SeedImporterTest {

    @Autowired
    ArticleService articles;

    @Autowired
    ResourcePatternResolver resources;

    @TempDir
    Path seeds;

    @Test
    void importsGoodFilesOnceAndSkipsMalformedOnes() throws IOException {
        String run = UUID.randomUUID().toString();
        Files.writeString(seeds.resolve("good-" + run + ".txt"), """
                Morning desk
                Harbour reopens after storm %s
                3 February 2021, 06:10
                The harbour reopened at dawn.
                """.formatted(run));
        Files.writeString(seeds.resolve("bad-" + run + ".txt"), "Only a section\nand a headline\n");
        SeedImporter importer = new SeedImporter(articles, resources,
                new FactDeskProperties(seeds, ZoneId.of("Europe/London"), "file:" + seeds + "/*.txt"));
        int before = articles.list().size();

        importer.run(new DefaultApplicationArguments());
        importer.run(new DefaultApplicationArguments());

        assertThat(articles.list()).hasSize(before + 1);
        assertThat(articles.isImported("good-" + run + ".txt")).isTrue();
        assertThat(articles.isImported("bad-" + run + ".txt")).isFalse();
        Article imported = articles.list().stream()
                .filter(a -> a.headline().equals("Harbour reopens after storm " + run)).findFirst().orElseThrow();
        assertThat(imported.currentRevision()).isEqualTo(1);
        assertThat(articles.current(imported.id()).body()).isEqualTo("The harbour reopened at dawn.");
    }
}
