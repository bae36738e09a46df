package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.Browser;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editing in place, in a real browser: fiona claims a Verify claim whose form was closed to her, and the proposed
 * change follows what she types; edith returns it with a comment (after the page marked the comment she forgot);
 * fiona finds her earlier verdict waiting under the comment; edith then rewrites the notice and the corrected words
 * on Approve correction, the diff and the preview following her typing, and approves; readers get edith's version.
 * A second claim is rejected once the confirmation is accepted. Screenshots under {@code target/screenshots/edit-*}.
 */
@FactDeskTest
class EditInPlaceBrowserTest {

    private static final String NOTICE = "An earlier version of this article misspelled the name of fire chief "
            + "Marcus Delaney.";
    private static final String EDITED = "An earlier version of this article gave the fire chief's name wrongly. "
            + "He is Marc Delaney.";
    private static final String COMMENT = "The fire service says he goes by Marc. Check and say so.";

    @LocalServerPort
    int port;

    /** Claims the open task with the button above its closed form, and waits for the form to open. */
    static void claimFromThePage(Browser browser) {
        browser.find(".task-holder button").click();
        // While the page changes, Chromium answers for the old page's elements with a stale element or, at times,
        // an inspector error ("Node ... does not belong to the document"): both mean "ask again".
        browser.wait.ignoring(WebDriverException.class)
                .until(d -> browser.find("fieldset.form-lock").getAttribute("disabled") == null);
    }

    /** Waits for the page after a form's submission to say {@code words}: the page before it had a flash too. */
    static void awaitFlash(Browser browser, String words) {
        browser.wait.ignoring(WebDriverException.class)
                .until(d -> browser.find(".flash-ok").getText().contains(words));
    }

    @Test
    void theDiffFollowsTheTypingAndTheEditorsVersionIsPublished() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle(
                "Firefighters were called to the Riverside warehouse at 6.15am on Sunday.",
                "The fire chief, Marcus Delany, said nobody was hurt.",
                "Crews from three stations spent four hours at the scene.");
        long claim = api.flag("farid", article, Map.of("quote", "Marcus Delany", "category", "NAME",
                "replacement", "Marcus Delaney", "note", "Fire service release."));

        try (Browser browser = Browser.open(port)) {
            // fiona: the form is closed until she claims the task; then the diff follows her typing.
            browser.signIn("fiona");
            String verify = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("fiona", claim),
                    id -> id != null);
            browser.go("/tasks/" + verify);
            assertThat(browser.find("fieldset.form-lock").getAttribute("disabled")).isNotNull();
            assertThat(browser.find(".form-lock-note").getText()).contains("Nobody holds this task");
            browser.screenshot("edit-01-verify-closed");
            claimFromThePage(browser);
            assertThat(browser.path()).isEqualTo("/tasks/" + verify);
            browser.find("input[name=verdict][value=ERROR_CONFIRMED]").click();
            WebElement replacement = browser.find("#replacement");
            replacement.clear();
            replacement.sendKeys("Marcus Delanie");
            browser.wait.until(d -> browser.find(".preview-diff .diff ins").getText().contains("Delanie"));
            replacement.clear();
            replacement.sendKeys("Marcus Delaney");
            browser.wait.until(d -> browser.find(".preview-diff .diff ins").getText().contains("Delaney"));
            assertThat(browser.find(".preview-diff .diff del").getText()).contains("Delany");
            WebElement notice = browser.find("#notice");
            notice.clear();
            notice.sendKeys(NOTICE);
            browser.wait.until(d -> browser.find(".preview-notice").getText().endsWith(NOTICE));
            assertThat(browser.find(".preview-notice").getText()).startsWith("Correction, ");
            browser.find("#note").sendKeys("Checked against the fire service's release.");
            browser.screenshot("edit-02-verify-typed");
            browser.find("form[data-verdict-form] button[type=submit]").click();
            awaitFlash(browser, "Error confirmed");

            // edith: forgets the comment, is shown where; returns it with one.
            browser.signOut();
            browser.signIn("edith");
            String approve = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim),
                    id -> id != null);
            browser.go("/tasks/" + approve);
            claimFromThePage(browser);
            browser.find("button[name=decision][value=RETURN]").click();
            WebElement error = browser.find("#comment-error");
            assertThat(error.getText()).isEqualTo("Tell the fact-checker what to look at again.");
            assertThat(browser.find("#comment").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#comment").getAttribute("aria-describedby")).contains("comment-error");
            assertThat(browser.script("return document.activeElement.id")).isEqualTo("comment");
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(".flash-bad"))).isEmpty();
            browser.screenshot("edit-03-approve-field-error");
            browser.find("#comment").sendKeys(COMMENT);
            browser.find("button[name=decision][value=RETURN]").click();
            awaitFlash(browser, "Returned");

            // fiona: the earlier verdict waits under edith's comment; the deadline stayed the first one's.
            browser.signOut();
            browser.signIn("fiona");
            String again = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("fiona", claim),
                    id -> id != null);
            browser.go("/tasks/" + again);
            assertThat(browser.find(".callout-warn").getText()).contains("Returned by edith:", COMMENT);
            assertThat(browser.find("input[name=verdict][value=ERROR_CONFIRMED]").isSelected()).isTrue();
            assertThat(browser.find("#notice").getAttribute("value")).isEqualTo(NOTICE);
            assertThat(browser.find("#replacement").getAttribute("value")).isEqualTo("Marcus Delaney");
            assertThat(browser.find("#note").getAttribute("value")).contains("fire service's release");
            browser.screenshot("edit-04-returned-verify");
            browser.find("#note").sendKeys(" He signs as Marcus; the editor may know better.");
            browser.find("form[data-verdict-form] button[type=submit]").click();
            awaitFlash(browser, "Error confirmed");

            // edith: rewrites the corrected words and the notice in place, watching the diff, and approves.
            browser.signOut();
            browser.signIn("edith");
            String second = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim),
                    id -> id != null);
            browser.go("/tasks/" + second);
            claimFromThePage(browser);
            assertThat(browser.find("#notice").getAttribute("value")).isEqualTo(NOTICE);
            WebElement words = browser.find("#replacement");
            words.clear();
            words.sendKeys("Marc Delaney");
            browser.wait.until(d -> browser.find(".preview-diff .diff ins").getText().contains("Marc"));
            WebElement editorsNotice = browser.find("#notice");
            editorsNotice.clear();
            editorsNotice.sendKeys(EDITED);
            browser.wait.until(d -> browser.find(".preview-notice").getText().endsWith(EDITED));
            browser.screenshot("edit-05-approve-edited");
            browser.find("button[name=decision][value=APPROVE]").click();
            awaitFlash(browser, "Approved");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));
            JsonNode view = api.claim(claim);
            assertThat(view.get("editedBy").asText()).isEqualTo("edith");
            assertThat(view.get("notice").asText()).isEqualTo(EDITED);

            // A second claim: edith rejects it, accepting the confirmation.
            long other = api.flag("farid", article, Map.of("quote", "6.15am", "category", "TIME",
                    "replacement", "6.50am"));
            api.work("fiona", other, Map.of("verdict", "ERROR_CONFIRMED",
                    "notice", "An earlier version of this article gave the wrong time."));
            String reject = await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", other),
                    id -> id != null);
            browser.go("/tasks/" + reject);
            claimFromThePage(browser);
            browser.find("#comment").sendKeys("The log says 6.15am; the time was right.");
            browser.find("button[name=decision][value=REJECT]").click();
            Alert confirm = browser.wait.until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).startsWith("Reject this correction?");
            confirm.accept();
            awaitFlash(browser, "Rejected");
            assertThat(api.claim(other).get("state").asText()).isEqualTo("DISMISSED");
            browser.screenshot("edit-06-rejected");

            // Readers: edith's words in the text and her notice at the foot.
            browser.signOut();
            browser.go("/public/articles/" + article);
            assertThat(browser.find(".story-body").getText()).contains("Marc Delaney").doesNotContain("Delany");
            assertThat(browser.find(".story-corrections").getText()).contains(EDITED).doesNotContain(NOTICE);
            browser.screenshot("edit-07-public-article");

            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }
}
