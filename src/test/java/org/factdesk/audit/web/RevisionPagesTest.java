package org.factdesk.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One revision of an article read whole, as it stood: on its page for the history's readers and in the API. */
@FactDeskTest
class RevisionPagesTest extends PageTest {

    private static final String FIRST = "An earlier version of this article misspelled Dover.";
    private static final String SECOND = "An earlier version of this article misspelled passengers.";

    @Test
    void eachRevisionShowsItsOwnTextAndOnlyTheNoticesLiveThen() throws Exception {
        long article = twiceCorrected();

        String first = page("audrey", "AUDITORS", article, 1);
        assertThat(first).contains("Dovr", "passengrs", "Revision 1 of 3", "The import of the article",
                "Readers were shown no notice with this revision.");
        assertThat(first).doesNotContain(FIRST, SECOND, "rel=\"prev\"");
        assertThat(first).contains("/audit/articles/" + article + "/revisions/2\"");

        String second = page("audrey", "AUDITORS", article, 2);
        assertThat(second).contains(">The ferry left Dover at noon.</p>", ">It carried 40 passengrs and a dog.</p>", FIRST)
                .doesNotContain(SECOND, ">The ferry left Dovr at noon.</p>");
        assertThat(second).contains("/audit/articles/" + article + "/revisions/1\"",
                "/audit/articles/" + article + "/revisions/3\"",
                "/audit/articles/" + article + "?from=1&amp;to=2\"", "A later revision replaced it.");

        String third = page("edith", "EDITORS", article, 3);
        assertThat(third).contains("Dover", "passengers", FIRST, SECOND, "This is the text readers see now.")
                .doesNotContain("rel=\"next\"");
        // The first notice before the second, as readers read them.
        assertThat(third.indexOf(FIRST)).isLessThan(third.indexOf(SECOND));
    }

    @Test
    void saysWhoPublishedARevisionWhenToTheSecondAndForWhichClaim() throws Exception {
        long article = twiceCorrected();
        JsonNode revision = api.get("audrey", "/api/articles/" + article + "/revisions/2").json();
        long claim = revision.get("claimId").asLong();

        String html = page("audrey", "AUDITORS", article, 2);
        assertThat(html).contains("by <span>" + revision.get("createdBy").asText() + "</span>");
        assertThat(html).containsPattern(">\\d{1,2} \\w+ \\d{4}, \\d{2}:\\d{2}:\\d{2} \\w+<");
        assertThat(html).contains("href=\"/audit/claims/" + claim + "\"", "claim #" + claim, "Correction",
                "“<span>Dovr</span>”", "“<span>Dover</span>”");
    }

    @Test
    void theApiGivesEachRevisionTheNoticesLiveWithIt() throws Exception {
        long article = twiceCorrected();
        assertThat(notices(article, 1)).isEmpty();
        assertThat(notices(article, 2)).hasSize(1).allMatch(n -> n.endsWith(FIRST));
        assertThat(notices(article, 3)).hasSize(2);
        assertThat(notices(article, 3).get(1)).endsWith(SECOND);
        assertThat(api.get("audrey", "/api/articles/" + article + "/revisions/4").status()).isEqualTo(404);
    }

    @Test
    void theRevisionsPageLinksToEachRevision() throws Exception {
        long article = twiceCorrected();
        String html = mvc.perform(get("/audit/articles/" + article).with(user("audrey").roles("AUDITORS")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (int n = 1; n <= 3; n++) {
            assertThat(html).contains("href=\"/audit/articles/" + article + "/revisions/" + n + "\"");
        }
    }

    @Test
    void anUnknownArticleOrRevisionIsANotFoundPageInWords() throws Exception {
        long article = api.importArticle("The ferry left Dovr at noon.");
        for (String path : List.of("/audit/articles/" + article + "/revisions/2",
                "/audit/articles/" + article + "/revisions/0", "/audit/articles/" + article + "/revisions/-1",
                "/audit/articles/999999999/revisions/1")) {
            String html = mvc.perform(get(path).with(user("audrey").roles("AUDITORS")))
                    .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
            assertThat(html).as(path).contains("Nothing here").containsPattern("(has no revision|no article with id)")
                    .doesNotContain("Exception", "ProblemException", "at org.");
        }
        mvc.perform(get("/audit/articles/" + article + "/revisions/last").with(user("audrey").roles("AUDITORS")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlyTheHistorysReadersOpenARevision() throws Exception {
        long article = api.importArticle("The ferry left Dovr at noon.");
        String path = "/audit/articles/" + article + "/revisions/1";
        for (String role : List.of("FACT_CHECKERS", "LEGAL", "DESK_LEADS")) {
            mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isForbidden());
        }
        for (String role : List.of("EDITORS", "AUDITORS", "ADMINS")) {
            mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().isOk());
        }
        // Signed out: to the sign-in page (a browser) or 401 (a client that sends no Accept).
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isIn(302, 401);
    }

    /** An article with three revisions: imported, then two corrections published one after the other. */
    private long twiceCorrected() {
        long article = api.importArticle("The ferry left Dovr at noon.", "It carried 40 passengrs and a dog.");
        long first = api.flag("fiona", article, Map.of("quote", "Dovr", "category", "NAME", "replacement", "Dover"));
        publish(first, FIRST);
        long second = api.flag("fiona", article, Map.of("quote", "passengrs", "category", "TYPO",
                "replacement", "passengers"));
        publish(second, SECOND);
        return article;
    }

    private void publish(long claim, String notice) {
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice", notice));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");
    }

    private String page(String user, String role, long article, int n) throws Exception {
        return mvc.perform(get("/audit/articles/" + article + "/revisions/" + n).with(user(user).roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> notices(long article, int n) {
        List<String> notices = new ArrayList<>();
        api.get("audrey", "/api/articles/" + article + "/revisions/" + n).json().get("liveNotices")
                .forEach(c -> notices.add(c.get("notice").asText()));
        return notices;
    }
}
