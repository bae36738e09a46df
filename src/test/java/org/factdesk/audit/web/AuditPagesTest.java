package org.factdesk.audit.web;

import java.util.List;
import java.util.Map;

import org.factdesk.audit.AuditEntry;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The history page's filters by what became of a claim, and its pages, answered by the database. */
@FactDeskTest
class AuditPagesTest extends PageTest {

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

    @Test
    void anAuditorSeesTheChainHeadAndVerifiesTheWholeChainFromThePageAnEditorDoesNot() throws Exception {
        String html = mvc.perform(get("/audit").with(user("audrey").roles("AUDITORS"))).andExpect(status().isOk())
                .andExpect(model().attributeExists("head")).andReturn().getResponse().getContentAsString();
        String head = api.get("audrey", "/api/audit/head").json().get("hash").asText();
        assertThat(html).contains(head.substring(0, 16), "Verify the whole chain");
        mvc.perform(post("/audit/verify").with(user("audrey").roles("AUDITORS")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.startsWith("The audit chain is intact")));

        String editors = mvc.perform(get("/audit").with(user("edith").roles("EDITORS"))).andExpect(status().isOk())
                .andExpect(model().attributeDoesNotExist("head")).andReturn().getResponse().getContentAsString();
        assertThat(editors).doesNotContain("Verify the whole chain");
        // One foot to a page: the staff's, not the readers' as well.
        assertThat(editors.split("class=\"footer", -1)).hasSize(2);
        assertThat(editors).doesNotContain("public-footer");
        mvc.perform(post("/audit/verify").with(user("edith").roles("EDITORS")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void entriesSayInWordsWhatWasFlaggedAndDecidedAndWhenToTheSecond() throws Exception {
        long article = api.importArticle("The ferry left Dovr at noon with 40 passengers.");
        long claim = api.flag("fiona", article, Map.of("quote", "Dovr", "category", "NAME", "severity", "MEDIUM"));
        api.work("farid", claim, Map.of("verdict", "NOT_AN_ERROR", "note", "The port's own spelling."));
        var entries = api.get("audrey", "/api/claims/" + claim + "/history").json();
        List<String> details = new java.util.ArrayList<>();
        entries.forEach(e -> details.add(e.path("detail").asText()));
        assertThat(details).contains("Name, medium severity", "Not an error: The port's own spelling.");
        assertThat(details).noneMatch(d -> d.contains("NOT_AN_ERROR") || d.contains("NAME/") || d.contains(".."));
        String html = mvc.perform(get("/audit/claims/" + claim).with(user("audrey").roles("AUDITORS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern(">\\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}:\\d{2} \\w+<");
    }

    @Test
    void aReturnedClaimsStageBarShowsItsVerdictAndApprovalToDoAgain() throws Exception {
        long article = api.importArticle("The ferry left Dovr at noon with 40 passengers.");
        long claim = api.flag("fiona", article, Map.of("quote", "Dovr", "category", "NAME", "replacement", "Dover"));
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled Dover."));
        assertThat(stagesDone(claim)).containsExactly("Flagged", "Claimed", "Verdict");
        api.work("edith", claim, Map.of("decision", "RETURN", "comment", "Check the port authority's spelling."));
        assertThat(stagesDone(claim)).containsExactly("Flagged", "Claimed");
    }

    private List<String> stagesDone(long claim) throws Exception {
        @SuppressWarnings("unchecked")
        List<AuditPages.Stage> stages = (List<AuditPages.Stage>) mvc.perform(get("/audit/claims/" + claim)
                .with(user("audrey").roles("AUDITORS"))).andExpect(status().isOk()).andReturn().getModelAndView()
                .getModel().get("stages");
        return stages.stream().filter(AuditPages.Stage::done).map(AuditPages.Stage::name).toList();
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
