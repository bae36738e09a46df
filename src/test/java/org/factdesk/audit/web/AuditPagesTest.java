package org.factdesk.audit.web;

import java.util.List;
import java.util.Map;

import org.factdesk.audit.AuditEntry;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageMvc;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The history page's filters by what became of a claim, and its pages, answered by the database. */
@FactDeskTest
class AuditPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;
    private TestApi api;

    @BeforeEach
    void setUp() {
        mvc = PageMvc.of(context);
        api = new TestApi(port);
    }

    @Test
    void filtersByCategoryAndByWhatBecameOfTheClaim() throws Exception {
        long article = api.importArticle("The ferry left Dovr at noon with 40 passengrs.");
        long name = api.flag("fiona", article, Map.of("quote", "Dovr", "category", "NAME"));
        long typo = api.flag("fiona", article, Map.of("quote", "passengrs", "category", "TYPO"));
        api.work("farid", typo, Map.of("verdict", "NOT_AN_ERROR", "note", "A quoted misspelling."));

        assertThat(claimsShown("/audit?article=" + article + "&category=NAME")).containsOnly(name);
        assertThat(claimsShown("/audit?article=" + article + "&outcome=DISMISSED")).containsOnly(typo);
        assertThat(claimsShown("/audit?article=" + article + "&outcome=OPEN")).containsOnly(name);
        assertThat(claimsShown("/audit?article=" + article + "&category=TYPO&outcome=OPEN")).isEmpty();
    }

    @Test
    void showsTheNewestEntriesFirstAPageAtATime() throws Exception {
        Map<String, Object> model = mvc.perform(get("/audit").with(user("audrey").roles("AUDITORS")))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel();
        List<AuditPages.Row> rows = rows(model);
        assertThat(rows).hasSizeLessThanOrEqualTo(AuditPages.PAGE_SIZE);
        assertThat(rows).extracting(row -> row.entry().seq()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat((long) model.get("total")).isGreaterThanOrEqualTo(rows.size());
        if ((int) model.get("lastPage") > 0) {
            List<AuditPages.Row> next = rows(mvc.perform(get("/audit?page=1").with(user("audrey").roles("AUDITORS")))
                    .andReturn().getModelAndView().getModel());
            assertThat(next.get(0).entry().seq()).isLessThan(rows.get(rows.size() - 1).entry().seq());
        }
    }

    private List<Long> claimsShown(String path) throws Exception {
        return rows(mvc.perform(get(path).with(user("audrey").roles("AUDITORS"))).andExpect(status().isOk())
                .andReturn().getModelAndView().getModel()).stream().map(AuditPages.Row::entry)
                .map(AuditEntry::claimId).filter(id -> id != null).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<AuditPages.Row> rows(Map<String, Object> model) {
        return (List<AuditPages.Row>) model.get("rows");
    }
}
