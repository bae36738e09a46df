package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.factdesk.testing.Browser;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The queue in a real browser as a desk works it: fiona narrows it to names and searches for a word, looks at it
 * grouped by article and on a phone, and assigns a task to farid in place; farid then finds it under "Mine". Every
 * view is saved under {@code target/screenshots/} and checked with axe-core.
 */
@FactDeskTest
class QueueBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aFactCheckerFiltersSearchesAndAssignsATaskThatHerColleagueThenHolds() throws Exception {
        TestApi api = new TestApi(port);
        String word = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).replaceAll("[0-9]", "k");
        long harbour = api.importArticle("Harbour master Tom " + word + " said 300 boats were moored.",
                "The " + word + " quay reopened on Monday.");
        long museum = api.importArticle("Curator Ann " + word + "son showed the museum's 12 Roman coins.");
        String pryor = api.taskOf("fiona", api.flag("edith", harbour, Map.of("quote", "Tom " + word,
                "category", "NAME", "severity", "HIGH", "note", "The port's site spells him differently.")));
        String boats = api.taskOf("fiona", api.flag("edith", harbour, Map.of("quote", "300 boats",
                "category", "NUMBER")));
        String quay = api.taskOf("fiona", api.flag("edith", harbour, Map.of("quote", word + " quay",
                "category", "NAME", "severity", "LOW")));
        String curator = api.taskOf("fiona", api.flag("elliot", museum, Map.of("quote", "Ann " + word + "son",
                "category", "NAME")));

        try (Browser browser = Browser.open(port)) {
            browser.go("/tasks");
            browser.signIn("fiona");
            browser.go("/tasks");

            // fiona: names only, and the word that all four quotes or headlines share.
            new Select(browser.find("#filter-category")).selectByValue("NAME");
            browser.find("#q").sendKeys(word.toLowerCase());
            browser.find("form.queue-filters button[type=submit]").click();
            browser.wait.until(d -> browser.driver.getCurrentUrl().contains("category=NAME"));
            assertThat(browser.driver.getCurrentUrl()).contains("q=" + word.toLowerCase());
            assertThat(rowIds(browser)).containsExactlyInAnyOrder("task-" + pryor, "task-" + quay,
                    "task-" + curator);
            assertThat(browser.find("#task-" + pryor + " td[data-label='Flagged by']").getText()).isEqualTo("edith");
            assertThat(browser.find("nav.tabs a[href*='tab=mine']").getAttribute("href")).contains("category=NAME");
            browser.screenshot("queue-01-filtered");

            // Grouped by article: the harbour story first (its name claim is the most urgent), with two tasks.
            browser.find("input[name=group]").click();
            browser.find("form.queue-filters button[type=submit]").click();
            browser.wait.until(d -> browser.driver.getCurrentUrl().contains("group=article"));
            List<WebElement> headings = browser.driver.findElements(By.cssSelector("h2.queue-article"));
            assertThat(headings).hasSize(2);
            assertThat(headings.get(0).findElement(By.tagName("a")).getAttribute("href"))
                    .endsWith("/articles/" + harbour);
            assertThat(headings.get(0).getText()).endsWith("2 tasks");
            browser.screenshot("queue-02-grouped");

            // Back to the list, still filtered; on a phone too.
            browser.find("a.queue-clear");
            browser.find("input[name=group]").click();
            browser.find("form.queue-filters button[type=submit]").click();
            browser.wait.until(d -> !browser.driver.getCurrentUrl().contains("group=article"));
            browser.phoneWidth(true);
            browser.screenshot("queue-03-phone");
            browser.phoneWidth(false);

            // She gives the harbour master's name to farid, in place.
            new Select(browser.find("#assign-" + pryor)).selectByValue("farid");
            browser.find("#task-" + pryor + " form.assign button").click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("task-" + pryor)));
            assertThat(browser.find("#live").getText()).isEqualTo("“Verify claim” for “Tom " + word + "” is now with farid.");
            assertThat(rowIds(browser)).containsExactlyInAnyOrder("task-" + quay, "task-" + curator);
            browser.screenshot("queue-04-assigned");
            browser.signOut();

            // farid: it is his, under Mine.
            browser.signIn("farid");
            browser.go("/tasks");
            browser.find("nav.tabs a[href*='tab=mine']").click();
            browser.wait.until(d -> browser.driver.getCurrentUrl().contains("tab=mine"));
            assertThat(browser.find("#task-" + pryor + " td[data-label='Held by']").getText()).isEqualTo("You");
            assertThat(rowIds(browser)).doesNotContain("task-" + boats);
            browser.screenshot("queue-05-colleague-mine");
            assertThat(browser.accessibilityFindings()).isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
        assertThat(api.get("farid", "/api/tasks/" + pryor).json().get("assignee").asText()).isEqualTo("farid");
    }

    private static List<String> rowIds(Browser browser) {
        return browser.driver.findElements(By.cssSelector("table.queue tbody tr.task")).stream()
                .map(row -> row.getAttribute("id")).toList();
    }
}
