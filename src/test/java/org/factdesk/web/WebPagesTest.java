package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.factdesk.testing.TestApi;
import org.factdesk.shared.web.Page;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pages over MockMvc on the shared application: sign-in, CSRF, the queue's messages, four-eyes, the public page
 * and its JSON-LD, and the audit CSV. Each test works on an article of its own.
 */
@FactDeskTest
class WebPagesTest extends PageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sendsAnonymousVisitorsToTheSignInForm() throws Exception {
        mvc.perform(get("/tasks").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<label for=\"username\">")));
    }

    @Test
    void landsEachPersonOnTheirOwnWorkAfterSigningIn() throws Exception {
        mvc.perform(formLogin("/login").user("fiona").password(TestApi.PASSWORD)).andExpect(redirectedUrl("/"));
        // A user who does not exist gets the same refusal as a wrong password.
        mvc.perform(formLogin("/login").user("mallory").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/").with(as("fiona"))).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/").with(as("edith"))).andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/").with(as("audrey"))).andExpect(redirectedUrl("/audit"));
        mvc.perform(get("/").with(as("admin"))).andExpect(redirectedUrl("/articles"));
    }

    @Test
    void refusesFormsWithoutTheCsrfToken() throws Exception {
        long article = api.importArticle("The mayor, Jane Smyth, opened the bridge on Tuesday.");
        mvc.perform(post("/articles/" + article + "/claims").with(as("fiona"))
                        .param("quote", "Smyth").param("category", "NAME"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tasks/any/claim").with(as("fiona"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as("fiona"))).andExpect(status().isForbidden());
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();

        mvc.perform(post("/articles/" + article + "/claims").with(as("fiona")).with(csrf())
                        .param("quote", "Smyth").param("start", "16").param("category", "NAME")
                        .param("severity", "MEDIUM").param("replacement", "Smith").param("note", "Council site"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString("flagged")));
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).hasSize(1);
    }

    @Test
    void saysClearlyWhenSomeoneElseClaimedTheTaskFirst() throws Exception {
        long article = api.importArticle("Rainfall reached 300mm in the valley last week.");
        long claim = api.flag("edith", article, Map.of("quote", "300mm", "category", "NUMBER",
                "replacement", "30mm"));
        String task = api.taskOf("fiona", claim);
        assertThat(api.post("farid", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        mvc.perform(post("/tasks/" + task + "/claim").with(as("fiona")).with(csrf()))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Someone else got there first"),
                        org.hamcrest.Matchers.containsString("farid"))));
        mvc.perform(post("/tasks/" + task + "/claim").with(as("fiona")).with(csrf())
                        .header(Page.FRAGMENT_HEADER, "row"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else got there first")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<tr"))));
        mvc.perform(get("/tasks").with(as("farid"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("task-" + task)));
    }

    @Test
    void explainsFourEyesInsteadOfOfferingTheApproveButton() throws Exception {
        long article = api.importArticle("The museum welcomed 12,000 visitors in its first weekend.");
        long claim = api.flag("edith", article, Map.of("quote", "12,000", "category", "NUMBER",
                "replacement", "1,200"));
        verify(claim, "fiona", "An earlier version of this article overstated the visitor numbers.");
        String approval = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("elliot", claim),
                id -> id != null);

        String edith = mvc.perform(get("/tasks/" + approval).with(as("edith"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(edith).contains("Another editor must approve this", "You flagged this claim")
                .doesNotContain("value=\"APPROVE\"");
        String queue = mvc.perform(get("/tasks").with(as("edith"))).andReturn().getResponse().getContentAsString();
        assertThat(queue.substring(queue.indexOf("id=\"task-" + approval + "\""))).contains("Four-eyes");
        String elliot = mvc.perform(get("/tasks/" + approval).with(as("elliot"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(elliot).contains("value=\"APPROVE\"", "<del>", "12,000", "<ins>", "1,200")
                .doesNotContain("Another editor must approve this");
    }

    @Test
    void showsThePublicPageWithoutSignInAndDescribesItsCorrectionsInJsonLd() throws Exception {
        long article = api.importArticle("The council approved the plan on Monday.",
                "Councillor Ann Jonson voted against it.");
        long claim = api.flag("fiona", article, Map.of("quote", "Jonson", "category", "NAME",
                "replacement", "Johnson"));
        String notice = "An earlier version of this article misspelled the name of Ann Johnson.";
        verify(claim, "fiona", notice);
        approve(claim, "edith");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));
        JsonNode published = api.get("audrey", "/api/articles/" + article).json();

        String page = mvc.perform(get("/public/articles/" + article)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Ann Johnson voted", "Updated:", "Corrections and clarifications", notice)
                .doesNotContain("Jonson voted");
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(script.find()).isTrue();
        JsonNode ld = JSON.readTree(script.group(1));
        assertThat(ld.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(Instant.parse(ld.get("dateModified").asText()))
                .isEqualTo(Instant.parse(published.get("updatedAt").asText()));
        assertThat(ld.get("correction")).hasSize(1);
        assertThat(ld.get("correction").get(0).get("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(ld.get("correction").get(0).get("text").asText()).endsWith(notice);
        assertThat(Instant.parse(ld.get("correction").get(0).get("datePublished").asText()))
                .isEqualTo(Instant.parse(published.get("corrections").get(0).get("publishedAt").asText()));

        String timeline = mvc.perform(get("/audit/claims/" + claim).with(as("audrey"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(timeline).contains("stage done", "Flagged", "Verdict", "Approved", "Published", "edith",
                "<del>", "Jonson", "<ins>", "Johnson");
        String revisions = mvc.perform(get("/audit/articles/" + article).param("from", "1").param("to", "2")
                .with(as("edith"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(revisions).contains("Revision 2", "<del>", "Jonson", "<ins>", "Johnson", notice);
    }

    @Test
    void downloadsTheFilteredHistoryAsCsv() throws Exception {
        long article = api.importArticle("The bridge, built in 1887, reopens on Friday.");
        long claim = api.flag("fiona", article, Map.of("quote", "1887", "category", "NUMBER",
                "replacement", "1878", "note", "Heritage register, \"listed\" entry"));

        var response = mvc.perform(get("/audit/export").param("article", String.valueOf(article)).with(as("audrey")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse();
        String[] lines = response.getContentAsString().split("\r\n");
        assertThat(lines[0]).startsWith("at_utc,at_Europe/London,actor,action,article_id,article,claim_id,category");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",fiona,FLAGGED," + article + ",", "," + claim + ",NUMBER,OPEN,",
                "\"\"listed\"\"");
        assertThat(lines[2]).contains(",IMPORTED," + article + ",");

        String filtered = mvc.perform(get("/audit/export").param("article", String.valueOf(article))
                        .param("category", "TYPO").with(as("audrey")))
                .andReturn().getResponse().getContentAsString();
        assertThat(filtered.split("\r\n")).hasSize(1);
        mvc.perform(get("/audit").param("article", String.valueOf(article)).with(as("audrey")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/audit/export?article=" + article)));
    }

    @Test
    void keepsEachRoleToItsOwnPages() throws Exception {
        mvc.perform(get("/tasks").with(as("audrey"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(as("fiona"))).andExpect(status().isForbidden());
        mvc.perform(get("/articles").with(as("audrey"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("id=\"flag-form\""))));
        mvc.perform(get("/articles").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/camunda/app/cockpit/")))
                // Staff pages carry the staff top bar only, not the readers' masthead.
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("class=\"masthead\""))));
        mvc.perform(get("/articles/987654321").with(as("fiona"))).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("There is no article")));
    }

    @Test
    void marksDetectorSuggestionsAndTurnsAnAcceptedOneIntoAClaim() throws Exception {
        long article = api.importArticle("The the council met on Monday to discuss the budget.",
                "Councillors said the the library would stay open.");
        JsonNode found = await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("fiona", "/api/articles/" + article + "/suggestions").json(), json -> json.size() >= 2);
        long accept = found.get(0).get("id").asLong();
        long dismiss = found.get(1).get("id").asLong();

        String page = mvc.perform(get("/articles/" + article).with(as("fiona"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("mark mark-suggestion", "suggestion-" + accept + "-info",
                "/suggestions/" + accept + "/accept", "/suggestions/" + dismiss + "/dismiss");

        mvc.perform(post("/articles/" + article + "/suggestions/" + accept + "/accept").with(as("fiona")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/articles/" + article + "/suggestions/" + accept + "/accept").with(as("fiona"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString("Suggestion accepted")));
        mvc.perform(post("/articles/" + article + "/suggestions/" + dismiss + "/dismiss").with(as("fiona"))
                        .with(csrf()))
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString("dismissed")));
        JsonNode claims = api.get("audrey", "/api/claims?articleId=" + article).json();
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).get("source").asText()).startsWith("detector:");
        mvc.perform(post("/articles/" + article + "/suggestions/" + dismiss + "/dismiss").with(as("fiona"))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("dismissed")));
    }

    private void verify(long claim, String user, String notice) {
        String task = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf(user, claim), id -> id != null);
        assertThat(api.post(user, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(api.post(user, "/api/tasks/" + task + "/complete", Map.of("verdict", "ERROR_CONFIRMED",
                "notice", notice)).status()).isEqualTo(204);
    }

    private void approve(long claim, String user) {
        String task = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf(user, claim), id -> id != null);
        assertThat(api.post(user, "/api/tasks/" + task + "/complete", Map.of("decision", "APPROVE")).status())
                .isEqualTo(204);
    }

    /** Signs the request in as a demo user with the roles of their groups. */
    private static RequestPostProcessor as(String name) {
        String role = switch (name) {
            case "fiona", "farid" -> "FACT_CHECKERS";
            case "edith", "elliot" -> "EDITORS";
            case "audrey" -> "AUDITORS";
            default -> "ADMINS";
        };
        return user(name).roles(role);
    }
}
