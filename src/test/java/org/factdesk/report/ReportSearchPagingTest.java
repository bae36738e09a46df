package org.factdesk.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/reports} a page at a time: a bare array as before, its total and links in headers. */
@FactDeskTest
class ReportSearchPagingTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void pagesTheReportsOfAnArticleOldestFirstWithTheirTotalAndLinks() {
        long article = api.importArticle("The ferry left Dovr at noon with 40 passengrs.");
        List<Long> filed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            filed.add(reports.file(article, new ReportRequest("Dovr", null, "Report " + i, null, false),
                    Reports.freshAddress()).reportId());
        }

        Answer first = api.get("fiona", "/api/reports?articleId=" + article + "&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().isArray()).isTrue();
        assertThat(ids(first.json())).containsExactly(filed.get(0), filed.get(1));
        assertThat(first.header("X-Total-Count")).isEqualTo("5");
        assertThat(first.header("Link")).contains("page=1>; rel=\"next\"", "page=2>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");

        List<Long> all = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            all.addAll(ids(api.get("fiona", "/api/reports?articleId=" + article + "&size=2&page=" + page).json()));
        }
        assertThat(all).containsExactlyElementsOf(filed);
        assertThat(api.get("fiona", "/api/reports?articleId=" + article + "&size=2&page=3").json()).isEmpty();
        // Without paging parameters, the first page of the default size: all five.
        assertThat(ids(api.get("fiona", "/api/reports?articleId=" + article).json())).containsExactlyElementsOf(filed);
        assertThat(ids(api.get("fiona", "/api/reports?articleId=" + article + "&state=DISMISSED").json())).isEmpty();
    }

    @Test
    void refusesAPageOrSizeOutsideTheLimitsWithAProblem() {
        for (String query : List.of("page=-1", "size=0", "size=" + (ReportService.MAX_PAGE + 1), "size=-5",
                "page=x", "size=ten")) {
            Answer answer = api.get("fiona", "/api/reports?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
        assertThat(api.get("fiona", "/api/reports?size=" + ReportService.MAX_PAGE).status()).isEqualTo(200);
        assertThat(api.get("fiona", "/api/reports?page=" + Integer.MAX_VALUE + "&size=" + ReportService.MAX_PAGE)
                .json()).isEmpty();
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
