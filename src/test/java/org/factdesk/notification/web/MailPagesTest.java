package org.factdesk.notification.web;

import java.time.Duration;
import java.util.Map;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.factdesk.testing.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admins' mail page: a mail FactDesk queued shows with its recipient and state in words; nobody else opens it. */
@FactDeskTest
class MailPagesTest extends PageTest {

    @BeforeEach
    void setUp() {
        TestMailServer.get();
    }

    @Test
    void anAdminSeesTheMailOfATaskGivenBackAndWhenItWasSent() throws Exception {
        long article = api.importArticle("The lighthouse at Dunmore was lit again on Friday after 40 yeers.");
        String headline = api.get("audrey", "/api/articles/" + article).json().get("headline").asText();
        long claim = api.flag("fiona", article, Map.of("quote", "yeers", "category", "TYPO", "replacement", "years"));
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED",
                "notice", "An earlier version of this article misspelled years."));
        // The editor returns it: the task goes back to farid, who did not take it himself, so he is told by mail.
        api.work("edith", claim, Map.of("decision", "RETURN", "comment", "Check the year of the last lighting."));

        await().atMost(Duration.ofSeconds(30)).until(() -> rowOf(headline).contains(">Sent<"));
        assertThat(rowOf(headline)).contains("Task given", "farid", "[FactDesk] Verify claim: " + headline);
    }

    @Test
    void onlyAdminsOpenThePage() throws Exception {
        for (String role : new String[] {"FACT_CHECKERS", "EDITORS", "AUDITORS", "DESK_LEADS", "LEGAL"}) {
            mvc.perform(get("/admin/mails").with(user("someone").roles(role))).andExpect(status().isForbidden());
        }
    }

    /** The table row of the mail about this article's task, or "" while there is none. */
    private String rowOf(String headline) throws Exception {
        for (String row : page().split("<tr ")) {
            if (row.contains(headline)) {
                return row.substring(0, row.indexOf("</tr>"));
            }
        }
        return "";
    }

    private String page() throws Exception {
        return mvc.perform(get("/admin/mails").with(user("admin").roles("ADMINS"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
