package org.factdesk.review.web;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.factdesk.shared.web.Page;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The queue page as a desk works it: filters and a search kept by the tabs and the pager, the view grouped by
 * article, the row's columns and badges, and assigning a task to a colleague in place and without script.
 */
@FactDeskTest
class QueuePagesTest extends PageTest {

    @Test
    void filtersAndTheSearchNarrowTheQueueAndEveryLinkKeepsThem() throws Exception {
        String word = token();
        long article = api.importArticle("The " + word + " lighthouse stood 40 metres tall above Whitby harbour.");
        String name = api.taskOf("fiona", api.flag("edith", article, Map.of("quote", word, "category", "NAME")));
        String number = api.taskOf("fiona", api.flag("edith", article, Map.of("quote", "40 metres",
                "category", "NUMBER")));

        Document page = page("fiona", "/tasks?tab=all&category=NAME&q=" + word.toUpperCase());

        assertThat(page.getElementById("task-" + name)).isNotNull();
        assertThat(page.getElementById("task-" + number)).isNull();
        // One script: a second copy would send each in-place form twice.
        assertThat(page.select("script[src$=factdesk.js]")).hasSize(1);
        assertThat(page.select("table.queue thead th")).hasSize(8);
        assertThat(page.selectFirst("#filter-category option[selected]").attr("value")).isEqualTo("NAME");
        assertThat(page.selectFirst("#q").attr("value")).isEqualTo(word.toUpperCase());
        for (Element tab : page.select("nav.tabs a")) {
            assertThat(tab.attr("href")).as(tab.text()).contains("category=NAME", "q=" + word.toUpperCase());
        }
        assertThat(page.selectFirst("nav.tabs a:contains(Mine)").attr("href")).contains("tab=mine");
        assertThat(page.selectFirst("a.queue-clear").attr("href")).isEqualTo("/tasks");
        // The form keeps the tab it was sent from.
        assertThat(page.selectFirst("form.queue-filters input[name=tab]").attr("value")).isEqualTo("all");

        Document byArticle = page("fiona", "/tasks?article=" + article + "&size=1&sort=deadline");
        assertThat(byArticle.select("tr.task")).hasSize(1);
        assertThat(byArticle.selectFirst("nav.pager a[rel=next]").attr("href"))
                .contains("article=" + article, "size=1", "sort=deadline", "page=1");
        assertThat(byArticle.selectFirst("#filter-sort option[selected]").attr("value")).isEqualTo("deadline");
        assertThat(byArticle.selectFirst("#filter-article option[selected]").attr("value"))
                .isEqualTo(String.valueOf(article));

        Document nothing = page("fiona", "/tasks?q=" + word + "%20nowhere" + token());
        assertThat(nothing.select("tr.task")).isEmpty();
        assertThat(nothing.selectFirst(".empty").text()).contains("No tasks match");
    }

    @Test
    void aSearchLongerThanTheQueueTakesIsRefusedInWords() throws Exception {
        mvc.perform(get("/tasks").param("q", "a".repeat(201)).with(as("fiona")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theGroupedViewShowsEachArticleOnceWithItsCountInTheOrderOfItsMostUrgentTask() throws Exception {
        String word = token();
        long calm = api.importArticle("The " + word + " ferry left Hull at noon.");
        long urgent = api.importArticle("The " + word + " mayor said the " + word + " dock would close.");
        String calmTask = api.taskOf("fiona", api.flag("edith", calm, Map.of("quote", word + " ferry",
                "category", "TIME", "severity", "LOW")));
        String urgentTask = api.taskOf("fiona", api.flag("edith", urgent, Map.of("quote", word + " mayor",
                "category", "FACTUAL", "severity", "HIGH")));
        String laterTask = api.taskOf("fiona", api.flag("edith", urgent, Map.of("quote", word + " dock",
                "category", "NAME", "severity", "LOW")));

        Document page = page("fiona", "/tasks?group=article&q=" + word);

        assertThat(page.select("h2.queue-article a").eachAttr("href"))
                .containsExactly("/articles/" + urgent, "/articles/" + calm);
        Element urgentGroup = page.getElementById("article-" + urgent).parent();
        assertThat(urgentGroup.selectFirst("h2 .meta").text()).isEqualTo("2 tasks");
        assertThat(urgentGroup.select("tr.task").eachAttr("id"))
                .containsExactly("task-" + urgentTask, "task-" + laterTask);
        assertThat(page.getElementById("article-" + calm).parent().select("tr.task").eachAttr("id"))
                .containsExactly("task-" + calmTask);
        assertThat(page.selectFirst("input[name=group]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("nav.tabs a").attr("href")).contains("group=article");
    }

    @Test
    void aRowShowsItsQuoteWhoFlaggedItItsKindInWordsAndWhoReturnedIt() throws Exception {
        long article = api.importArticle("The Tyne tunnel opened in 1967 under the river.");
        long claim = api.flag("edith", article, Map.of("quote", "1967", "category", "TIME",
                "severity", "MEDIUM", "replacement", "1951"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "1951", "notice",
                "An earlier version gave the wrong year for the tunnel."));
        await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("elliot", claim), id -> id != null);
        api.work("elliot", claim, Map.of("decision", "RETURN", "comment", "Check the opening year again."));
        String returned = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("fiona", claim),
                id -> id != null);

        Document page = page("fiona", "/tasks?claim=" + claim);

        assertThat(page.select("table.queue thead th").eachText()).startsWith("Task", "Quote", "Article",
                "Flagged by");
        Element row = page.getElementById("task-" + returned);
        assertThat(row.selectFirst("td[data-label=Quote]").text()).isEqualTo("1967");
        assertThat(row.selectFirst("td[data-label=Flagged by]").text()).isEqualTo("edith");
        assertThat(row.selectFirst("td[data-label=Task] .meta").text()).isEqualTo("Time · medium");
        assertThat(row.selectFirst(".badge-returned").text()).isEqualTo("Returned by elliot");
        // Back with its verifier: it is hers, so she may hand it on to farid.
        assertThat(row.selectFirst("td[data-label=Held by]").text()).isEqualTo("You");
        // Others in the shared test directory may be fact-checkers too: farid is one, she (its holder) is not offered.
        assertThat(row.select("form.assign option").eachAttr("value")).startsWith("").contains("farid")
                .doesNotContain("fiona", "edith", "elliot");
    }

    @Test
    void anUnheldRowOffersTakeItAndTheColleaguesWhoMayHoldIt() throws Exception {
        long article = api.importArticle("The Angel of the North is 20 metres tall.");
        String task = api.taskOf("fiona", api.flag("edith", article, Map.of("quote", "20 metres",
                "category", "NUMBER")));

        Element row = page("fiona", "/tasks?tab=unassigned&article=" + article).getElementById("task-" + task);

        assertThat(row.selectFirst("form[action$=/claim] button").text()).startsWith("Take it");
        assertThat(row.selectFirst("form[action$=/claim] button .visually-hidden").text())
                .isEqualTo("Verify claim for 20 metres");
        assertThat(row.select("form.assign option").eachAttr("value")).startsWith("").contains("farid")
                .doesNotContain("fiona", "edith", "dana");
        assertThat(row.selectFirst("form.assign input[name=holder]").attr("value")).isEmpty();
        assertThat(row.selectFirst("form.assign label").text()).isEqualTo("Assign Verify claim for 20 metres to");
    }

    @Test
    void anApprovalIsNeverOfferedToTheEditorWhoFlaggedIt() throws Exception {
        long article = api.importArticle("The Kielder reservoir holds 200 billion litres.");
        long claim = api.flag("elliot", article, Map.of("quote", "200 billion", "category", "NUMBER",
                "replacement", "200 million"));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "200 million", "notice",
                "An earlier version overstated the reservoir's size."));
        String approval = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim),
                id -> id != null);

        Element row = page("edith", "/tasks?claim=" + claim).getElementById("task-" + approval);

        assertThat(row).isNotNull();
        assertThat(row.select("form.assign option").eachAttr("value")).doesNotContain("elliot", "edith", "fiona");
    }

    @Test
    void assigningWorksInPlaceAndWithoutScriptAndABarredColleagueIsExplained() throws Exception {
        long article = api.importArticle("Durham's cathedral took 40 years to build.", "Its tower is 66 metres.");
        String first = api.taskOf("fiona", api.flag("edith", article, Map.of("quote", "40 years",
                "category", "NUMBER")));
        String second = api.taskOf("fiona", api.flag("edith", article, Map.of("quote", "66 metres",
                "category", "NUMBER")));

        String inPlace = mvc.perform(post("/tasks/" + first + "/assign").with(as("fiona")).with(csrf())
                        .header(Page.FRAGMENT_HEADER, "row").param("assignee", "farid").param("holder", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(inPlace).selectFirst(".update .msg").text())
                .isEqualTo("“Verify claim” for “40 years” is now with farid.");
        assertThat(Jsoup.parse(inPlace).select(".update tr")).isEmpty();
        assertThat(api.get("farid", "/api/tasks/" + first).json().get("assignee").asText()).isEqualTo("farid");

        String barred = mvc.perform(post("/tasks/" + second + "/assign").with(as("fiona")).with(csrf())
                        .header(Page.FRAGMENT_HEADER, "row").param("assignee", "edith").param("holder", ""))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(barred).selectFirst(".update .msg").text())
                .contains("edith cannot hold", "work for fact-checkers").doesNotContain("'");
        // The row stays, as it was.
        assertThat(Jsoup.parse(barred).getElementById("task-" + second)).isNotNull();

        String back = "/tasks?tab=unassigned&article=" + article;
        mvc.perform(post("/tasks/" + second + "/assign").with(as("fiona")).with(csrf())
                        .param("assignee", "farid").param("holder", "").param("from", back))
                .andExpect(redirectedUrl(back))
                .andExpect(flash().attribute("success", "“Verify claim” for “66 metres” is now with farid."));
        // Stale: the page still showed it unheld.
        mvc.perform(post("/tasks/" + second + "/assign").with(as("dana")).with(csrf())
                        .param("assignee", "fiona").param("holder", "").param("from", "https://elsewhere.example/"))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString(
                        "Someone else changed this task")));
        assertThat(api.get("farid", "/api/tasks/" + second).json().get("assignee").asText()).isEqualTo("farid");
    }

    private Document page(String user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    /** A word no other test's text holds, so a search finds this test's tasks only. */
    private static String token() {
        return "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).replaceAll("[0-9]", "x");
    }

    private static RequestPostProcessor as(String name) {
        return user(name).roles(switch (name) {
            case "fiona", "farid" -> "FACT_CHECKERS";
            case "edith", "elliot" -> "EDITORS";
            case "dana" -> "DESK_LEADS";
            default -> "ADMINS";
        });
    }
}
