package org.factdesk.publication.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.audit.ReviewFlow;
import org.factdesk.shared.NewsroomTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Readers can follow corrections without signing in: the public page and the Atom feed list every published
 * correction and clarification, newest first, with the article, the notice and the time.
 */
@FactDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    NewsroomTime newsroomTime;

    private TestApi api;
    private long article;
    private String headline;
    private JsonNode correction;
    private JsonNode clarification;

    /** One article with a correction and, a little later, a clarification; published once for both tests. */
    @BeforeAll
    void publishACorrectionThenAClarification() {
        api = new TestApi(port);
        ReviewFlow review = new ReviewFlow(api);
        article = api.importArticle("Troops at the Erbil vase were unhurt, officials said.",
                "The Pentagon said the attack came at \"5:30 pm on Jan. 7\".");
        long typo = review.flag(article, "Erbil vase", "TYPO", "Erbil base", null);
        review.publish(typo, "ERROR_CONFIRMED", "An earlier version of this article said Erbil vase.");
        long time = review.flag(article, "5:30 pm on Jan. 7", "TIME", null, "US Eastern time");
        review.publish(time, "CLARIFICATION_NEEDED", "The Pentagon gave the time in US Eastern time.");

        JsonNode details = api.get("audrey", "/api/articles/" + article).json();
        headline = details.get("headline").asText();
        correction = details.get("corrections").get(0);
        clarification = details.get("corrections").get(1);
    }

    @Test
    void thePublicPageListsTheArticleTheNoticeAndTheNewsroomTimeNewestFirst() {
        Answer page = api.get(null, "/public/corrections");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<html lang=\"en-GB\"", "href=\"/css/factdesk.css\"",
                "type=\"application/atom+xml\"", "href=\"/public/articles/" + article + "#correction-", headline);
        String correctionNotice = correction.get("notice").asText();
        String clarificationNotice = clarification.get("notice").asText();
        assertThat(html).contains(correctionNotice, clarificationNotice,
                newsroomTime.format(Instant.parse(correction.get("publishedAt").asText())),
                "datetime=\"" + Instant.parse(clarification.get("publishedAt").asText()) + "\"");
        assertThat(html.indexOf(clarificationNotice)).as("newest first").isLessThan(html.indexOf(correctionNotice));
    }

    @Test
    void theAtomFeedParsesWithOneEntryPerUpdateNewestFirst() throws Exception {
        Answer answer = api.get(null, "/public/corrections.atom");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/atom+xml");
        WireFeed parsed = new WireFeedInput().build(new StringReader(answer.body()));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        Feed feed = (Feed) parsed;
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isEqualTo("Corrections and clarifications");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");

        List<Entry> entries = feed.getEntries();
        assertThat(entries).isSortedAccordingTo(Comparator.comparing(Entry::getUpdated).reversed());
        assertThat(entries).extracting(Entry::getId).doesNotHaveDuplicates();
        List<Entry> ours = entries.stream()
                .filter(e -> e.getAlternateLinks().get(0).getHref().contains("/public/articles/" + article + "#"))
                .toList();
        assertThat(ours).hasSize(2);
        // Each entry links to its own notice on the article's page, and the page has it under that id.
        String articlePage = api.get(null, "/public/articles/" + article).body();
        for (Entry entry : ours) {
            String href = entry.getAlternateLinks().get(0).getHref();
            assertThat(articlePage).contains("id=\"" + href.substring(href.indexOf('#') + 1) + "\"");
        }
        // Under the headline, readers are told the story changed, with a link to where it says how.
        assertThat(articlePage).contains("This article has 2 corrections and clarifications.", "href=\"#corrections\"",
                "id=\"corrections\"", "class=\"footer public-footer\"");
        assertThat(articlePage.split("class=\"footer", -1)).as("one foot to the page").hasSize(2);
        assertThat(ours.get(0).getTitle()).isEqualTo("Clarification: " + headline);
        assertThat(ours.get(0).getSummary().getValue()).isEqualTo(clarification.get("notice").asText());
        assertThat(ours.get(1).getTitle()).isEqualTo("Correction: " + headline);
        assertThat(ours.get(1).getSummary().getValue()).isEqualTo(correction.get("notice").asText());
        assertThat(ours.get(1).getUpdated().toInstant())
                .isEqualTo(Instant.parse(correction.get("publishedAt").asText()).truncatedTo(ChronoUnit.SECONDS));
        assertThat(ours.get(1).getId()).isEqualTo("urn:factdesk:article:" + article + ":revision:2");
    }
}
