package org.factdesk.review.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.report.ReportRequest;
import org.factdesk.report.ReportService;
import org.factdesk.report.Reports;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A reader report in the desk's queue page and its Triage report page, worked by a fact-checker. */
@FactDeskTest
class TriagePagesTest extends PageTest {

    private static final String TEXT = "Gales closed the bridges at Humbr and Ouze for most of the afternoon.";

    @Autowired
    ReportService reports;

    @Test
    void aFactCheckerTriagesAReaderReportOnItsPage() throws Exception {
        long article = api.importArticle(TEXT);
        long report = reports.file(article, new ReportRequest("Humbr", null, "The estuary is the Humber.", null,
                false), Reports.freshAddress()).reportId();
        String task = Reports.triageTask(api, "fiona", article, report).get("id").asText();

        String queue = mvc.perform(get("/tasks").param("article", String.valueOf(article)).with(fiona()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("Triage report").contains("Reader report").contains("Humbr");
        mvc.perform(get("/tasks/" + task).with(fiona())).andExpect(redirectedUrl("/tasks/" + task + "/triage"));
        String page = mvc.perform(get("/tasks/" + task + "/triage").with(fiona())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("The estuary is the Humber.").contains("Accept: flag a claim");

        String refused = mvc.perform(post("/tasks/" + task + "/triage").with(fiona()).with(csrf())
                        .param("outcome", "DISMISS").param("reason", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("needs a").contains("reason");
        mvc.perform(post("/tasks/" + task + "/triage").with(fiona()).with(csrf()).param("outcome", "ACCEPT")
                        .param("category", "NAME").param("severity", "LOW").param("replacement", "Humber")
                        .param("reason", ""))
                .andExpect(redirectedUrl("/tasks"));

        JsonNode accepted = api.get("fiona", "/api/reports/" + report).json();
        assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
        JsonNode claim = api.claim(accepted.get("claimId").asLong());
        assertThat(claim.get("source").asText()).isEqualTo("reader");
        assertThat(claim.get("replacement").asText()).isEqualTo("Humber");
    }

    private static RequestPostProcessor fiona() {
        return user("fiona").roles("FACT_CHECKERS");
    }
}
