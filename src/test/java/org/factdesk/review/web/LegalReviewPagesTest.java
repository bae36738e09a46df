package org.factdesk.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.factdesk.identity.Groups;
import org.factdesk.identity.UserDirectory;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The task pages for legal review and the kinds of update: lena lands on her queue, reviews an approved update on its
 * own page and blocks it with a reason; the verify and approve pages offer the kinds of update.
 */
@FactDeskTest
class LegalReviewPagesTest extends PageTest {

    @Autowired
    UserDirectory users;

    @Test
    void aLawyerLandsOnHerQueueAndBlocksAnUpdateOnItsPage() throws Exception {
        long claim = approvedOfLegalRisk();
        String task = api.taskOf("lena", claim);

        mvc.perform(get("/").with(lena())).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/tasks").with(lena())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Legal review")));
        mvc.perform(get("/tasks/" + task).with(lena())).andExpect(status().isOk())
                .andExpect(content().string(containsString("The approved notice as readers will see it")))
                .andExpect(content().string(containsString("Clear as approved")));
        mvc.perform(post("/tasks/" + task + "/claim").with(lena()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + task + "/legal").with(lena()).with(csrf()).param("decision", "BLOCK"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Give the reason for blocking, for the editor and the record.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\" aria-describedby=\"comment-error comment-help\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("BLOCK needs the reason"))));
        mvc.perform(post("/tasks/" + task + "/legal").with(lena()).with(csrf()).param("decision", "BLOCK")
                        .param("comment", "Names a witness under protection."))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("success", containsString("Blocked")));

        assertThat(api.claim(claim).get("state").asText()).isEqualTo("BLOCKED");
        RequestPostProcessor audrey = user("audrey").roles("AUDITORS");
        mvc.perform(get("/audit?outcome=BLOCKED&article=" + api.claim(claim).get("articleId").asLong()).with(audrey))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/audit/claims/" + claim)))
                .andExpect(content().string(containsString("Blocked by legal")));
        mvc.perform(get("/audit?outcome=CORRECTED&article=" + api.claim(claim).get("articleId").asLong()).with(audrey))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/audit/claims/" + claim + "\""))));
    }

    @Test
    void theVerifyPageOffersTheKindsOfUpdateAndTheApprovePageTheVerdictsOwn() throws Exception {
        long article = api.importArticle("The mayor opened the new libary on Monday.");
        long claim = api.flag("farid", article, Map.of("quote", "libary", "category", "TYPO", "severity", "LOW",
                "replacement", "library"));
        String verification = api.taskOf("fiona", claim);

        mvc.perform(get("/tasks/" + verification).with(user("fiona").roles("FACT_CHECKERS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"SILENT_FIX\">Silent fix</option>")))
                .andExpect(content().string(containsString("Editor’s note")));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "kind", "SILENT_FIX"));
        String approval = api.taskOf("edith", claim);

        mvc.perform(get("/tasks/" + approval).with(user("edith").roles("EDITORS")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"SILENT_FIX\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"RETRACTION\">")))
                .andExpect(content().string(not(containsString("<option value=\"EDITORS_NOTE\""))));
    }

    @Test
    void aLawyerWhoApprovedTheClaimSeesItIsForAnotherLawyer() throws Exception {
        users.ensureUser("lara", "Lara", "Editor and counsel", TestApi.PASSWORD, List.of(Groups.EDITORS, Groups.LEGAL));
        long claim = approvedOfLegalRisk("lara");
        String task = api.taskOf("lena", claim);
        RequestPostProcessor lara = user("lara").roles("EDITORS", "LEGAL");

        mvc.perform(get("/tasks?claim=" + claim).with(lara)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Four-eyes: for another lawyer")));
        mvc.perform(get("/tasks/" + task).with(lara)).andExpect(status().isOk())
                .andExpect(content().string(containsString("You approved this claim, so you cannot give its legal "
                        + "review.")))
                .andExpect(content().string(not(containsString("Clear as approved"))));
    }

    private long approvedOfLegalRisk() {
        return approvedOfLegalRisk("edith");
    }

    private long approvedOfLegalRisk(String editor) {
        long article = api.importArticle("The councillor pocketed the grant, a neighbour said.");
        long claim = api.flag("farid", article, Map.of("quote", "pocketed the grant", "category", "QUOTE",
                "severity", "HIGH", "replacement", "applied for the grant"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misquoted a neighbour about a grant."));
        api.work(editor, claim, Map.of("decision", "APPROVE"));
        return claim;
    }

    private static RequestPostProcessor lena() {
        return user("lena").roles("LEGAL");
    }
}
