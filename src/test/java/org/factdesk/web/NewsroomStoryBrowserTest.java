package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.Browser;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole story in a real browser, as three people on a fresh article: fiona flags a misspelled name by selecting
 * it, claims and verifies it; edith sees the word diff and approves; readers see the correction and its JSON-LD; and
 * audrey finds the claim's timeline. Every page is saved under {@code target/screenshots/}.
 */
@FactDeskTest
class NewsroomStoryBrowserTest {

    private static final String WRONG = "Delany";
    private static final String RIGHT = "Delaney";
    private static final String NOTICE = "An earlier version of this article misspelled the name of fire chief "
            + "Marcus Delaney.";

    @LocalServerPort
    int port;

    @Test
    void aClaimGoesFromSelectionToPublishedCorrectionThroughThePages() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle(
                "Firefighters were called to the Riverside warehouse at 6.15am on Sunday after smoke was seen "
                        + "rising from the roof.",
                "The fire chief, Marcus Delany, said nobody was hurt and the building had been empty since Friday.",
                "Crews from three stations spent four hours bringing the blaze under control.");
        String body = api.get("audrey", "/api/articles/" + article).json().get("body").asText();

        try (Browser browser = Browser.open(port)) {
            browser.go("/tasks");
            assertThat(browser.path()).startsWith("/login");
            browser.find("#username");
            browser.screenshot("01-login");

            // fiona: sign in, land on her queue, flag the name by selecting it in the text.
            browser.signIn("fiona");
            // Back to the page that asked for the sign-in (Spring Security marks it "?continue").
            assertThat(browser.path()).startsWith("/tasks");
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            browser.selectInText(WRONG);
            browser.wait.until(d -> WRONG.equals(browser.find("#flag-quote").getAttribute("value")));
            assertThat(browser.driver.findElement(By.id("flag-start")).getAttribute("value"))
                    .isEqualTo(String.valueOf(body.indexOf(WRONG)));
            new Select(browser.find("#flag-category")).selectByValue("NAME");
            browser.find("#flag-replacement").sendKeys(RIGHT);
            browser.find("#flag-note").sendKeys("Fire service press release spells it Delaney.");
            browser.screenshot("02-article-selection");
            browser.find("#flag-form button[type=submit]").click();
            browser.find(".flash-ok");
            WebElement mark = browser.find("[data-article-body] mark.state-FLAGGED");
            assertThat(mark.getText()).isEqualTo(WRONG);
            long claim = api.get("audrey", "/api/claims?articleId=" + article).json().get(0).get("id").asLong();
            assertThat(api.claim(claim).get("flaggedBy").asText()).isEqualTo("fiona");
            mark.click();
            browser.screenshot("03-article-flagged");

            // fiona: claim it in place in the queue, then verify it.
            String verifyTask = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("fiona", claim),
                    id -> id != null);
            browser.go("/tasks");
            browser.find("#task-" + verifyTask + " form[action$='/claim'] button").click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#task-" + verifyTask + " a.btn-primary")));
            assertThat(browser.find("#live").getText()).contains("You hold");
            assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
            browser.screenshot("04-queue-claimed");
            browser.find("#task-" + verifyTask + " a.btn-primary").click();
            browser.find("form[data-verdict-form]");
            assertThat(browser.find(".diff").getText()).contains(WRONG, RIGHT);
            browser.find("input[name=verdict][value=ERROR_CONFIRMED]").click();
            WebElement notice = browser.find("#notice");
            assertThat(notice.getAttribute("value")).contains(RIGHT);
            notice.clear();
            notice.sendKeys(NOTICE);
            browser.find("#note").sendKeys("Checked against the fire service's release of Sunday.");
            browser.screenshot("05-verify-claim");
            browser.find("form[data-verdict-form] button[type=submit]").click();
            EditInPlaceBrowserTest.awaitFlash(browser, "Error confirmed");
            assertThat(browser.path()).isEqualTo("/tasks");
            browser.signOut();

            // edith: sees the word diff and the notice, and approves.
            browser.signIn("edith");
            assertThat(browser.path()).isEqualTo("/tasks");
            String approveTask = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim),
                    id -> id != null);
            browser.find("#task-" + approveTask);
            browser.screenshot("06-editor-queue");
            browser.find("#task-" + approveTask + " a.task-name").click();
            // The form opens to whoever holds the task: edith claims it from its page.
            EditInPlaceBrowserTest.claimFromThePage(browser);
            assertThat(browser.find(".diff del").getText()).contains(WRONG);
            assertThat(browser.find(".diff ins").getText()).contains(RIGHT);
            assertThat(browser.find(".reader-notice").getText()).startsWith("Correction, ").endsWith(NOTICE);
            browser.screenshot("07-approve-correction");
            // Reject cannot be undone, so it asks first; edith thinks again, and nothing changed.
            browser.find("button[name=decision][value=REJECT]").click();
            Alert confirm = browser.wait.until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).startsWith("Reject this correction?");
            confirm.dismiss();
            assertThat(api.claim(claim).get("state").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(browser.find(".eyebrow").getAttribute("textContent")).endsWith(" · Name");
            browser.find("button[name=decision][value=APPROVE]").click();
            EditInPlaceBrowserTest.awaitFlash(browser, "Approved");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));

            // Readers: the corrected text, the Updated time, the notice at the foot, and JSON-LD.
            browser.signOut();
            browser.go("/public/articles/" + article);
            assertThat(browser.find(".story-body").getText()).contains("Marcus " + RIGHT).doesNotContain(WRONG);
            assertThat(browser.find(".corrected-line").getText()).startsWith("This article has a correction.");
            assertThat(browser.find(".updated").getText()).startsWith("Updated:").matches(".*(GMT|BST)$");
            assertThat(browser.find(".story-corrections").getText()).contains(NOTICE);
            String ld = (String) browser.script(
                    "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
            JsonNode json = new ObjectMapper().readTree(ld);
            JsonNode published = api.get("audrey", "/api/articles/" + article).json();
            assertThat(json.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(Instant.parse(json.get("dateModified").asText()))
                    .isEqualTo(Instant.parse(published.get("updatedAt").asText()));
            assertThat(json.get("correction").get(0).get("text").asText()).endsWith(NOTICE);
            browser.screenshot("08-public-article");
            browser.phoneWidth(true);
            browser.screenshot("09-public-article-phone");
            browser.phoneWidth(false);
            browser.find(".masthead a[href='/public/corrections']").click();
            assertThat(browser.find("main").getText()).contains(NOTICE);
            browser.screenshot("09b-public-corrections");
            // From the list straight to the notice on the article.
            browser.find("a[href='/public/articles/" + article + "#correction-" + claim + "']").click();
            browser.wait.until(d -> browser.path().endsWith("#correction-" + claim));
            assertThat(browser.find("#correction-" + claim).getText()).contains(NOTICE);

            // audrey: lands on the audit log, filters to the article, and reads the claim's timeline.
            browser.signIn("audrey");
            assertThat(browser.path()).isEqualTo("/audit");
            // The review queue is not an auditor's: the page says so in words, and what to do about it.
            browser.go("/tasks");
            assertThat(browser.find("main").getText()).contains("You can’t open this page",
                    "belongs to another part of the desk", "ask an admin");
            browser.screenshot("09c-forbidden");
            browser.go("/audit");
            new Select(browser.find("#f-article")).selectByValue(String.valueOf(article));
            browser.find("form.filters button[type=submit]").click();
            browser.wait.until(d -> browser.path().contains("article=" + article));
            browser.screenshot("10-audit-log");
            browser.find("a[href='/audit/claims/" + claim + "']").click();
            List<String> steps = browser.driver.findElements(By.cssSelector(".timeline .step-head")).stream()
                    .map(WebElement::getText).toList();
            assertThat(steps).anySatisfy(s -> assertThat(s).contains("Flagged", "fiona"))
                    .anySatisfy(s -> assertThat(s).contains("Claimed", "fiona"))
                    .anySatisfy(s -> assertThat(s).contains("Verdict", "fiona"))
                    .anySatisfy(s -> assertThat(s).contains("Approved", "edith"))
                    .anySatisfy(s -> assertThat(s).contains("Published"));
            assertThat(browser.driver.findElements(By.cssSelector(".stages .stage.done"))).hasSize(5);
            browser.screenshot("11-audit-timeline");
            browser.go("/audit/articles/" + article);
            assertThat(browser.find(".diff").getText()).contains(WRONG, RIGHT);
            browser.screenshot("12-audit-revisions");

            // The same queue and article at phone width, for a fact-checker away from the desk.
            browser.signOut();
            browser.signIn("fiona");
            browser.phoneWidth(true);
            browser.screenshot("13-queue-phone");
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            browser.screenshot("14-article-phone");

            // Every page captured above was also run through axe-core's WCAG A and AA rules.
            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }
}
