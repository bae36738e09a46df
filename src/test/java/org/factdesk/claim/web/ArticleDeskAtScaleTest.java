package org.factdesk.claim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The article desk page of an article with more open claims than its list shows: every claim is still marked in
 * the text, the list holds the newest, says how many it leaves out and links to the rest; the article list counts
 * open claims without reading them.
 */
@FactDeskTest
class ArticleDeskAtScaleTest {

    private static final int CLAIMS = ArticlePages.LISTED_OPEN + 7;

    @LocalServerPort
    int port;

    @Test
    void listsTheNewestOpenClaimsAndMarksThemAll() {
        TestApi api = new TestApi(port);
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            paragraphs.add("Dispatch " + i + " says the minister visited " + quote(i) + " on Tuesday.");
        }
        long article = api.importArticle(paragraphs.toArray(String[]::new));
        List<Long> flagged = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            flagged.add(api.flag("fiona", article, Map.of("quote", quote(i), "category", "TYPO",
                    "severity", "LOW", "replacement", "London")));
        }

        WebSession fiona = WebSession.signIn(port, "fiona");
        String page = fiona.send("GET", "/articles/" + article, null, null, null).body();

        assertThat(page).contains("Open claims (" + CLAIMS + ")");
        assertThat(ids(page, "claim-(\\d+)-info")).as("the list: the newest, oldest first")
                .containsExactlyElementsOf(flagged.subList(CLAIMS - ArticlePages.LISTED_OPEN, CLAIMS));
        assertThat(ids(page, "claim-(\\d+)\"")).as("the marks in the text").containsExactlyInAnyOrderElementsOf(flagged);
        assertThat(page).contains("data-listed=\"open\"", "The " + ArticlePages.LISTED_OPEN + " most recent",
                "href=\"/tasks?article=" + article + "\"");

        String list = fiona.send("GET", "/articles", null, null, null).body();
        assertThat(list).contains(CLAIMS + " open claims");
    }

    private static List<Long> ids(String html, String idPattern) {
        Matcher m = Pattern.compile("id=\"" + idPattern).matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Words no other claim's words contain: none is the start of another. */
    private static String quote(int i) {
        return "Lodnon" + i + "z";
    }
}
