package org.factdesk.report.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.report.Reports;
import org.factdesk.shared.web.FormStamps;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.LoopbackClient;
import org.factdesk.testing.PageTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Report an error" as a reader uses it, without an account: from the public article page's form over real HTTP to a
 * claim in review, and the form's guards (CSRF, honeypot, time stamp, field messages) and the erasure page.
 */
@FactDeskTest
class ReportPagesTest extends PageTest {

    private static final String TEXT = "Flood water reached Yorck and Selbi overnight, the Environment Agency said.";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern STAMP = Pattern.compile("name=\"stamp\" value=\"([^\"]+)\"");

    @Autowired
    FormStamps stamps;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        TestMailServer.get();
    }

    @Test
    void aReaderReportsAnErrorFromTheArticlePageAndItBecomesAClaimInReview() throws Exception {
        long article = api.importArticle(TEXT);
        LoopbackClient reader = LoopbackClient.fresh(port);

        LoopbackClient.Reply page = reader.send("GET", "/public/articles/" + article, Map.of(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Report an error").contains("id=\"report-form\"")
                .contains("name=\"website\"").contains("data-offset=\"0\"");
        String cookie = page.header("set-cookie").split(";")[0];
        // A person takes a few seconds to fill the form in; the form refuses anything faster.
        Thread.sleep(3_100);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("quote", "Yorck");
        form.put("start", String.valueOf(TEXT.indexOf("Yorck")));
        form.put("problem", "The city is York. A reader who lives there.");
        form.put("email", "fay@example.org");
        form.put("consent", "true");
        form.put("website", "");
        form.put("stamp", find(STAMP, page.body()));
        form.put("_csrf", find(CSRF, page.body()));
        LoopbackClient.Reply sent = reader.send("POST", "/public/articles/" + article + "/reports",
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                LoopbackClient.form(form));
        assertThat(sent.status()).as(sent.body()).isEqualTo(302);
        assertThat(sent.header("location")).endsWith("/public/reports/filed");
        LoopbackClient.Reply thanks = reader.send("GET", "/public/reports/filed", Map.of("Cookie", cookie), null);
        assertThat(thanks.body()).contains("Thank you for your report").contains("/public/reports/erase?token=")
                .contains("we will write to you once").doesNotContain("fay@example.org")
                .doesNotContain("A reader who lives there");

        JsonNode filed = api.get("fiona", "/api/reports?articleId=" + article).json();
        assertThat(filed).hasSize(1);
        long report = filed.get(0).get("id").asLong();
        assertThat(filed.get(0).get("hasEmail").asBoolean()).isTrue();
        TestApi.Answer accepted = Reports.triage(api, "fiona", article, report, Map.of("outcome", "ACCEPT",
                "category", "NAME", "replacement", "York"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        long claim = api.get("fiona", "/api/reports/" + report).json().get("claimId").asLong();
        assertThat(api.claim(claim).get("source").asText()).isEqualTo("reader");
        assertThat(api.taskOf("farid", claim)).as("Verify claim is in the fact-checkers' queue").isNotNull();
        String publicPage = reader.send("GET", "/public/articles/" + article, Map.of(), null).body();
        assertThat(publicPage).doesNotContain("A reader who lives there").doesNotContain("fay@example.org");

        // The desk corrects it; the reader, who consented, hears back by email, and FactDesk forgets the address.
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled York."));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");
        String headline = api.get("audrey", "/api/articles/" + article).json().get("headline").asText();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !TestMailServer.received("fay@example.org", headline).isEmpty());
        var mail = TestMailServer.received("fay@example.org", headline).get(0);
        assertThat(TestMailServer.body(mail)).contains("Your report led to a correction",
                "/public/articles/" + article);
        assertThat(emailsOf(article)).isZero();
    }

    @Test
    void aLongArticleStillCarriesItsWholeReportForm() {
        String paragraph = "Flood water reached Yorck and Selbi overnight, and the river kept rising until dawn. ";
        long article = api.importArticle(java.util.Collections.nCopies(300, paragraph.repeat(3)).toArray(String[]::new));

        // The form's CSRF token needs a session, which cannot be created once a long page has begun to be sent.
        LoopbackClient.Reply page = LoopbackClient.fresh(port).send("GET", "/public/articles/" + article, Map.of(),
                null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"").contains("name=\"stamp\"").contains("</html>");
    }

    @Test
    void aClientOverItsShareIsAskedToWaitOnTheForm() throws Exception {
        long article = api.importArticle(TEXT);
        String address = Reports.freshAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(report(article, "Selbi", "Selby " + i + ".").with(from(address)))
                    .andExpect(status().is3xxRedirection());
        }

        mvc.perform(report(article, "Selbi", "Selby once more.").with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .exists("Retry-After"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Please try again in")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Selby once more.")));
        assertThat(reportsOf(article)).isEqualTo(5);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        long article = api.importArticle(TEXT);

        mvc.perform(report(article, "Selbi", "Selby.").with(csrf().useInvalidToken())).andExpect(status().isForbidden());

        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void aFilledInHoneypotIsThankedAndNothingIsStored() throws Exception {
        long article = api.importArticle(TEXT);

        mvc.perform(report(article, "Selbi", "Selby.").param("website", "http://spam.example"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/public/reports/filed"))
                .andExpect(flash().attributeCount(0));

        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void aFormSentAtOnceIsThankedAndNothingIsStored() throws Exception {
        long article = api.importArticle(TEXT);

        mvc.perform(report(article, "Selbi", "Selby.", stamps.issue("report:" + article)))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(0));

        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void aForgedOrExpiredStampAsksToSendAgainAndKeepsTheWords() throws Exception {
        long article = api.importArticle(TEXT);
        long other = api.importArticle(TEXT);

        for (String stamp : new String[] {"12345.forged", stamps.issue("report:" + other, Instant.now().minusSeconds(60)),
                stamps.issue("report:" + article, Instant.now().minusSeconds(3 * 86_400)), ""}) {
            mvc.perform(report(article, "Selbi", "Selby, in North Yorkshire.", stamp))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("This form has expired")))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Selby, in North Yorkshire.")));
        }
        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void aFieldToFixIsMarkedOnTheForm() throws Exception {
        long article = api.importArticle(TEXT);

        String page = mvc.perform(report(article, "Selby", "Misspelled."))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("We could not find these exact words").contains("field-error");
        String consent = mvc.perform(report(article, "Selbi", "Misspelled.").param("email", "gus@example.org"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(consent).contains("Tick the box");
        mvc.perform(report(article, "Selbi", "x".repeat(2_001))).andExpect(status().isBadRequest());

        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void theReportPageFillsTheQuoteFromALink() throws Exception {
        long article = api.importArticle(TEXT);

        String page = mvc.perform(get("/public/articles/" + article + "/report").param("quote", "Selbi"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(">Selbi</textarea>").contains("name=\"stamp\"").contains("data-article-body");
    }

    @Test
    void theErasureLinkAsksFirstAndThenErases() throws Exception {
        long article = api.importArticle(TEXT);
        String link = (String) mvc.perform(report(article, "Selbi", "Selby, not Selbi.")
                        .param("email", "hal@example.org").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("erasureLink");
        String token = link.substring(link.indexOf("token=") + 6);

        mvc.perform(get("/public/reports/erase").param("token", token)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Erase them")));
        assertThat(emailsOf(article)).isEqualTo(1);
        mvc.perform(post("/public/reports/erase").param("token", token).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Erased")));
        mvc.perform(post("/public/reports/erase").param("token", "nope").with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(emailsOf(article)).isZero();
    }

    /** A report form as a reader's browser sends it, shown ten seconds ago, from an address of its own. */
    private MockHttpServletRequestBuilder report(long article, String quote, String problem) {
        return report(article, quote, problem, stamps.issue("report:" + article, Instant.now().minusSeconds(10)));
    }

    private MockHttpServletRequestBuilder report(long article, String quote, String problem, String stamp) {
        return post("/public/articles/" + article + "/reports").with(csrf()).param("quote", quote)
                .param("problem", problem).param("stamp", stamp)
                .with(request -> {
                    request.setRemoteAddr(Reports.freshAddress());
                    return request;
                });
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long reportsOf(long article) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_report WHERE article_id = ?").param(article).query(Long.class)
                .single();
    }

    private long emailsOf(long article) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_report WHERE article_id = ? AND email IS NOT NULL")
                .param(article).query(Long.class).single();
    }

    private static String find(Pattern pattern, String page) {
        Matcher found = pattern.matcher(page);
        assertThat(found.find()).as("%s in the page", pattern).isTrue();
        return found.group(1).replace("&#39;", "'");
    }
}
