package org.factdesk.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.factdesk.article.SeedFormat.MalformedArticleException;
import org.factdesk.article.SeedFormat.Parsed;
import org.junit.jupiter.api.Test;

/** Reads the seed article file format, the real seed article first, and refuses files that are not in it. */
class SeedFormatTest {

    private static final Path SEED = Path.of("seeds/000_2351e39fdcd1b2f7.txt");

    @Test
    void readsTheSectionHeadlineAndDatelineOfTheSeedArticle() throws IOException {
        Parsed parsed = SeedFormat.parse(seed());

        assertThat(parsed.section()).isEqualTo("Clive Bull 1am - 4am");
        assertThat(parsed.headline()).isEqualTo(
                "Iran attacks US troops: Donald Trump says 'all is well' after Tehran fires 15 rockets");
        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2020-01-07T23:50:00Z"));
        assertThat(parsed.updatedAt()).isEqualTo(Instant.parse("2020-01-08T08:34:00Z"));
    }

    @Test
    void keepsEveryBodyParagraphOfTheSeedArticleAsOneLine() throws IOException {
        String body = SeedFormat.parse(seed()).body();

        String[] paragraphs = body.split("\n", -1);
        assertThat(paragraphs).hasSize(37);
        assertThat(paragraphs[0]).startsWith("Donald Trump has said \"all is well\"");
        assertThat(paragraphs[1]).isEqualTo("The attack, launched at around 1.30am local time (10.30pm GMT), "
                + "targeted Al Asad base and the Erbil vase in Kurdistan.");
        assertThat(paragraphs[36]).isEqualTo(
                "It later saw American troops stationed there amid the fight against Islamic State in Iraq and Syria.");
        assertThat(body).contains("5:30 pm on Jan. 7").doesNotStartWith("\n").doesNotEndWith("\n");
    }

    @Test
    void readsASummerDatelineAsBritishSummerTime() {
        Parsed parsed = SeedFormat.parse(article("1 July 2020, 10:00 | Updated: 1 July 2020, 12:15", "Body."));

        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2020-07-01T09:00:00Z"));
        assertThat(parsed.updatedAt()).isEqualTo(Instant.parse("2020-07-01T11:15:00Z"));
    }

    @Test
    void leavesUpdatedAtEmptyWhenTheDatelineHasNoUpdate() {
        Parsed parsed = SeedFormat.parse(article("8 January 2020, 09:00", "Body."));

        assertThat(parsed.publishedAt()).isEqualTo(Instant.parse("2020-01-08T09:00:00Z"));
        assertThat(parsed.updatedAt()).isNull();
    }

    @Test
    void acceptsWindowsLineEndingsAByteOrderMarkAndBlankLinesBetweenParagraphs() {
        Parsed parsed = SeedFormat.parse("\uFEFFDesk\r\nHeadline\r\n8 January 2020, 09:00\r\n First. \r\n\r\nSecond.\r\n");

        assertThat(parsed.section()).isEqualTo("Desk");
        assertThat(parsed.body()).isEqualTo("First.\nSecond.");
    }

    @Test
    void refusesADatelineThatIsNotATime() {
        assertThatThrownBy(() -> SeedFormat.parse(article("Yesterday evening", "Body.")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("'Yesterday evening'");
    }

    @Test
    void refusesAnUpdateThatIsNotATime() {
        assertThatThrownBy(() -> SeedFormat.parse(article("8 January 2020, 09:00 | Updated: later", "Body.")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("'later'");
    }

    @Test
    void refusesADatelineWithoutAPublicationTime() {
        assertThatThrownBy(() -> SeedFormat.parse(article("| Updated: 8 January 2020, 09:00", "Body.")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("expected a dateline");
    }

    @Test
    void refusesAnUpdateBeforeThePublication() {
        assertThatThrownBy(() -> SeedFormat.parse(article("8 January 2020, 09:00 | Updated: 7 January 2020, 09:00",
                "Body.")))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 3:")
                .hasMessageContaining("before the publication");
    }

    @Test
    void refusesAFileWithTooFewLines() {
        assertThatThrownBy(() -> SeedFormat.parse("Desk\nHeadline\n8 January 2020, 09:00"))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageContaining("at least 4 lines")
                .hasMessageContaining("found 3");
    }

    @Test
    void refusesAFileWithAnEmptyBody() {
        assertThatThrownBy(() -> SeedFormat.parse("Desk\nHeadline\n8 January 2020, 09:00\n\n   \n"))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageContaining("no body after line 3");
    }

    @Test
    void refusesAnEmptySectionOrHeadline() {
        assertThatThrownBy(() -> SeedFormat.parse("  \nHeadline\n8 January 2020, 09:00\nBody."))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 1:");
        assertThatThrownBy(() -> SeedFormat.parse("Desk\n\n8 January 2020, 09:00\nBody."))
                .isInstanceOf(MalformedArticleException.class)
                .hasMessageStartingWith("line 2:");
    }

    private static String seed() throws IOException {
        return Files.readString(SEED, StandardCharsets.UTF_8);
    }

    private static String article(String dateline, String body) {
        return "Test desk\nA headline\n" + dateline + "\n" + body;
    }
}
