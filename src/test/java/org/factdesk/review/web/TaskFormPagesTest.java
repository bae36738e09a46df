package org.factdesk.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The task pages' forms: a refusal is shown once, under its field, in plain words, with the field marked invalid and
 * focused and what was typed kept; the form is closed to anyone but the task's holder; a returned claim's Verify
 * claim starts from the earlier verdict; and the live preview renders what the typed words would publish, for those
 * who may open the task only, with its inputs bounded.
 */
@FactDeskTest
class TaskFormPagesTest extends PageTest {

    private static final String NOTICE = "An earlier version of this article misspelled the word library.";
    private static final RequestPostProcessor FIONA = user("fiona").roles("FACT_CHECKERS");
    private static final RequestPostProcessor FARID = user("farid").roles("FACT_CHECKERS");
    private static final RequestPostProcessor EDITH = user("edith").roles("EDITORS");

    @Test
    void aVerdictWithoutItsNoticeIsShownOnceUnderTheNoticeInPlainWordsWithTheTypingKept() throws Exception {
        long claim = flagged();
        String task = api.taskOf("fiona", claim);
        mvc.perform(post("/tasks/" + task + "/claim").with(FIONA).with(csrf()));

        String page = mvc.perform(post("/tasks/" + task + "/verify").with(FIONA).with(csrf())
                        .param("verdict", "ERROR_CONFIRMED").param("replacement", "library of the town")
                        .param("notice", " ").param("note", "Checked the council's release."))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Write the notice readers will see.");
        assertThat(count(page, "Write the notice readers will see.")).isEqualTo(1);
        assertThat(page).doesNotContain("e.g.", "'notice'", "CORRECTION needs");
        assertThat(page).containsPattern("<textarea id=\"notice\"[^>]*aria-invalid=\"true\" "
                + "aria-describedby=\"notice-error notice-help\" autofocus=\"autofocus\">");
        assertThat(page).contains("<p class=\"field-error\" id=\"notice-error\">Write the notice readers will see.</p>");
        assertThat(page).contains("value=\"library of the town\"", "Checked the council&#39;s release.");
        // Only the notice is marked; the other fields are not.
        assertThat(count(page, "aria-invalid=\"true\"")).isEqualTo(1);
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aReturnWithoutACommentMarksTheCommentAndAnEditedNoticeWithAReturnMarksTheNotice() throws Exception {
        long claim = awaitingApproval();
        String task = api.taskOf("edith", claim);
        mvc.perform(post("/tasks/" + task + "/claim").with(EDITH).with(csrf()));

        mvc.perform(post("/tasks/" + task + "/approve").with(EDITH).with(csrf()).param("decision", "RETURN")
                        .param("kind", "CORRECTION").param("notice", NOTICE).param("replacement", "library")
                        .param("comment", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Tell the fact-checker what to look at again."),
                        containsString("id=\"comment-error\""), not(containsString("'comment'")))));

        String page = mvc.perform(post("/tasks/" + task + "/approve").with(EDITH).with(csrf())
                        .param("decision", "RETURN").param("kind", "CORRECTION").param("replacement", "library")
                        .param("notice", "A better notice, typed by the editor.").param("comment", "Check it."))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<p class=\"field-error\" id=\"notice-error\">Your change to the notice is published "
                + "only when you approve.");
        assertThat(page).contains("A better notice, typed by the editor.");
        assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(api.claim(claim).get("notice").asText()).isEqualTo(NOTICE);
    }

    @Test
    void anUntouchedPrefilledNoticeDoesNotBlockAReturn() throws Exception {
        long claim = awaitingApproval();
        String task = api.taskOf("edith", claim);
        mvc.perform(post("/tasks/" + task + "/claim").with(EDITH).with(csrf()));

        mvc.perform(post("/tasks/" + task + "/approve").with(EDITH).with(csrf()).param("decision", "RETURN")
                        .param("kind", "CORRECTION").param("notice", NOTICE + " ").param("replacement", "library")
                        .param("comment", "Say which library."))
                .andExpect(status().is3xxRedirection());

        assertThat(api.claim(claim).get("decision").asText()).isEqualTo("RETURN");
    }

    @Test
    void theFormIsClosedToAnyoneButTheHolderAndOffersTheClaimWhenNobodyHoldsIt() throws Exception {
        long claim = flagged();
        String task = api.taskOf("fiona", claim);

        mvc.perform(get("/tasks/" + task).with(FIONA)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<fieldset class=\"form-lock\" disabled=\"disabled\">"),
                        containsString("Nobody holds this task. Claim it (above) to fill in the form."),
                        containsString(">Claim this task</button>"))));

        mvc.perform(post("/tasks/" + task + "/claim").with(FARID).with(csrf()));
        mvc.perform(get("/tasks/" + task).with(FIONA)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<fieldset class=\"form-lock\" disabled=\"disabled\">"),
                        containsString("<strong>farid</strong> holds this task, so"),
                        not(containsString(">Claim this task</button>")))));
        mvc.perform(get("/tasks/" + task).with(FARID)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<fieldset class=\"form-lock\">"),
                        not(containsString("the form is closed to you")))));
    }

    @Test
    void aReturnedClaimsVerifyPageStartsFromTheEarlierVerdictUnderTheEditorsComment() throws Exception {
        long claim = awaitingApproval();
        api.work("edith", claim, Map.of("decision", "RETURN", "comment", "Which library? Say so in the notice."));
        String task = api.taskOf("fiona", claim);

        String page = mvc.perform(get("/tasks/" + task).with(FIONA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Returned by edith:", "Which library? Say so in the notice.",
                ">" + NOTICE + "</textarea>",
                "Checked against the council&#39;s site.</textarea>",
                "<option value=\"CORRECTION\" selected=\"selected\">");
        assertThat(page).containsPattern("value=\"ERROR_CONFIRMED\" required\\s+checked=\"checked\"");
    }

    @Test
    void thePreviewRendersTheTypedWordsAndNoticeForThoseWhoMayOpenTheTask() throws Exception {
        long claim = awaitingApproval();
        String task = api.taskOf("edith", claim);

        mvc.perform(get("/tasks/" + task + "/preview").with(EDITH).param("replacement", "public library")
                        .param("notice", "A notice typed just now."))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<span class=\"visually-hidden\">added: </span>public"),
                        containsString("<span class=\"visually-hidden\">removed: </span>libary"),
                        containsString("A notice typed just now."), containsString("Correction, "))));
        mvc.perform(get("/tasks/" + task + "/preview").with(EDITH).param("replacement", "libary"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The corrected text is the same as the quote")));
        mvc.perform(get("/tasks/" + task + "/preview").with(EDITH).param("replacement", "x".repeat(1_001)))
                .andExpect(status().isBadRequest());
        // Approve correction is the editors' task: a fact-checker may not open it, nor its preview.
        assertThat(mvc.perform(get("/tasks/" + task + "/preview").with(FIONA).param("replacement", "x"))
                .andReturn().getResponse().getStatus()).isBetween(400, 499);
    }

    @Test
    void theTaskPageGivesTheTaskToAColleagueAndOnlyWhoMayAssignSeesHow() throws Exception {
        long article = api.importArticle("The mayor opened the new libary on Monday.", "It has 40,000 books.");
        long claim = api.flag("edith", article, Map.of("quote", "libary", "category", "TYPO", "replacement",
                "library"));
        String task = api.taskOf("fiona", claim);

        String unheld = mvc.perform(get("/tasks/" + task).with(FIONA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(unheld).contains("<label for=\"assign-to\">Give it to</label>",
                "<option value=\"farid\">farid</option>").doesNotContain("<option value=\"fiona\">");

        mvc.perform(post("/tasks/" + task + "/assign").with(FIONA).with(csrf()).param("assignee", "farid")
                        .param("holder", ""))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(api.get("farid", "/api/tasks/" + task).json().get("assignee").asText()).isEqualTo("farid");

        String farids = mvc.perform(get("/tasks/" + task).with(FARID)).andReturn().getResponse()
                .getContentAsString();
        assertThat(farids).contains("You hold this task.", "<option value=\"fiona\">fiona</option>");
        // A group member may give away a task nobody holds, not one a colleague holds.
        String fionas = mvc.perform(get("/tasks/" + task).with(FIONA)).andReturn().getResponse()
                .getContentAsString();
        assertThat(fionas).contains("<strong>farid</strong> holds this task.").doesNotContain("assign-to");
    }

    private long flagged() {
        long article = api.importArticle("The mayor opened the new libary on Monday.", "It has 40,000 books.");
        return api.flag("farid", article, Map.of("quote", "libary", "category", "TYPO", "replacement", "library"));
    }

    private long awaitingApproval() {
        long claim = flagged();
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice", NOTICE, "kind", "CORRECTION",
                "note", "Checked against the council's site."));
        return claim;
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
