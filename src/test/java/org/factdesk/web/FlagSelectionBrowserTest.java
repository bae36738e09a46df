package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.factdesk.testing.Browser;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Flagging where the words are, in a real browser: "Flag this" beside a selection deep in a long article, the form
 * opened next to it and landing on the new claim's words; the same with the keyboard alone; a bottom sheet at phone
 * width; the duplicate warning; and a refused field marked and focused. Screenshots under
 * {@code target/screenshots/flag-*}, each run through axe-core.
 */
@FactDeskTest
class FlagSelectionBrowserTest {

    private static final String QUOTE = "Marcus Delany";

    @LocalServerPort
    int port;

    @Test
    void flagsASelectionMidArticleFromAButtonBesideIt() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle(longStory());
        try (Browser browser = Browser.open(port)) {
            browser.signIn("fiona");
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            browser.selectInText(QUOTE);
            assertThat(number(browser, "return window.scrollY")).as("scrolled down to the words").isGreaterThan(1500);

            WebElement button = browser.find("#flag-this");
            Map<String, Number> words = selectionBox(browser);
            Map<String, Number> beside = box(browser, button);
            assertThat(inViewport(browser, beside)).as("Flag this in the viewport: %s", beside).isTrue();
            assertThat(Math.abs(beside.get("top").doubleValue() - words.get("bottom").doubleValue()))
                    .as("Flag this just under the words").isLessThan(40);
            assertThat(browser.find("#flag-position").getAttribute("textContent"))
                    .isEqualTo("Selected \u201c" + QUOTE + "\u201d in paragraph 25 (1st of 2 times in the text).");
            browser.screenshot("flag-01-selection");
            Files.write(Browser.SCREENSHOTS.resolve("flag-01b-selection-viewport.png"),
                    browser.driver.getScreenshotAs(OutputType.BYTES));

            button.click();
            WebElement pop = browser.find("#flag-pop");
            assertThat(browser.script("return document.querySelector('#flag-pop #flag-form') !== null")).isEqualTo(true);
            assertThat(focused(browser)).isEqualTo("flag-category");
            assertThat(browser.find("#flag-quote").getAttribute("value")).isEqualTo(QUOTE);
            Map<String, Number> form = box(browser, pop);
            assertThat(Math.abs(form.get("top").doubleValue() - selectionBox(browser).get("bottom").doubleValue()))
                    .as("the form anchored under the words").isLessThan(40);
            assertThat(inViewport(browser, box(browser, browser.find("#flag-category")))).isTrue();

            // Escape sends the form back to the sidebar and focus back to the button.
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            browser.wait.until(d -> !pop.isDisplayed());
            assertThat(browser.script("return document.getElementById('flag-form').parentElement.className"))
                    .isEqualTo("sidebar");
            assertThat(focused(browser)).isEqualTo("flag-this");
            new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
            browser.find("#flag-pop");
            new Select(browser.find("#flag-category")).selectByValue("NAME");
            browser.find("#flag-replacement").sendKeys("Marcus Delaney");
            browser.screenshot("flag-02-popover");
            browser.find("#flag-pop button[type=submit]").click();

            long claim = landedOnNewClaim(browser, api, article);
            assertThat(browser.find(".flash-ok").getText()).contains("Claim " + claim + " flagged",
                    "highlighted in the text");
            browser.screenshot("flag-03-landed");
            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }

    @Test
    void flagsWithTheKeyboardAlone() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle("Firefighters were called to the Riverside warehouse on Sunday morning.",
                "Marcus Delany, the fire chief, said nobody was hurt.",
                "Crews from three stations spent four hours at the scene.");
        try (Browser browser = Browser.open(port)) {
            browser.signIn("fiona");
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            assertThat(browser.find("#flag-hint").getText()).contains("Tab to the text", "Shift", "press F");

            Actions keys = new Actions(browser.driver);
            for (int i = 0; i < 60 && !"true".equals(activeIsBody(browser)); i++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertThat(activeIsBody(browser)).as("the text is a Tab stop").isEqualTo("true");
            for (int i = 0; i < 20 && !caretParagraph(browser).startsWith(QUOTE); i++) {
                keys.sendKeys(Keys.ARROW_DOWN).perform();
            }
            assertThat(caretParagraph(browser)).startsWith(QUOTE);
            keys.sendKeys(Keys.HOME).perform();
            for (int i = 0; i < 6 && selectedText(browser).length() < QUOTE.length(); i++) {
                keys.keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_RIGHT).keyUp(Keys.SHIFT).perform();
            }
            assertThat(selectedText(browser)).isEqualTo(QUOTE);
            browser.wait.until(d -> browser.find("#flag-position").getAttribute("textContent")
                    .equals("Selected \u201c" + QUOTE + "\u201d in paragraph 2."));
            browser.screenshot("flag-04-keyboard-selection");

            // Tab reaches "Flag this"; Enter opens the form; Escape returns; Alt+Shift+F opens it again.
            keys.sendKeys(Keys.TAB).perform();
            assertThat(focused(browser)).isEqualTo("flag-this");
            keys.sendKeys(Keys.ENTER).perform();
            browser.find("#flag-pop");
            assertThat(focused(browser)).isEqualTo("flag-category");
            keys.sendKeys(Keys.ESCAPE).perform();
            browser.wait.until(d -> "flag-this".equals(focused(browser)));
            keys.keyDown(Keys.ALT).keyDown(Keys.SHIFT).sendKeys("f").keyUp(Keys.SHIFT).keyUp(Keys.ALT).perform();
            browser.find("#flag-pop");
            assertThat(focused(browser)).isEqualTo("flag-category");
            assertThat(browser.find("#flag-quote").getAttribute("value")).isEqualTo(QUOTE);
            keys.sendKeys("na").perform();
            assertThat(new Select(browser.find("#flag-category")).getFirstSelectedOption().getText()).isEqualTo("Name");
            keys.sendKeys(Keys.TAB, Keys.TAB, "Marcus Delaney", Keys.ENTER).perform();

            landedOnNewClaim(browser, api, article);
            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }

    @Test
    void opensABottomSheetAtPhoneWidth() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle(longStory());
        try (Browser browser = Browser.open(port)) {
            browser.signIn("fiona");
            browser.phoneWidth(true);
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            browser.selectInText(QUOTE);
            WebElement button = browser.find("#flag-this");
            assertThat(inViewport(browser, box(browser, button))).isTrue();
            button.click();
            WebElement pop = browser.find("#flag-pop");
            assertThat(pop.getAttribute("class")).contains("is-sheet");
            Map<String, Number> sheet = box(browser, pop);
            assertThat(sheet.get("left").doubleValue()).isZero();
            assertThat(Math.abs(sheet.get("bottom").doubleValue() - number(browser, "return window.innerHeight")))
                    .as("fixed to the bottom of the viewport").isLessThan(2);
            assertThat(focused(browser)).isEqualTo("flag-category");
            assertThat(inViewport(browser, box(browser, browser.find("#flag-category")))).isTrue();
            browser.screenshot("flag-05-phone-sheet");
            // The sheet is fixed to the screen: what the person sees is the viewport, not the whole page.
            Files.write(Browser.SCREENSHOTS.resolve("flag-05b-phone-sheet-viewport.png"),
                    browser.driver.getScreenshotAs(OutputType.BYTES));
            new Select(browser.find("#flag-category")).selectByValue("NAME");
            browser.find("#flag-pop button[type=submit]").click();
            landedOnNewClaim(browser, api, article);
            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }

    @Test
    void warnsOfAnOpenClaimOnTheSameWordsAndMarksARefusedField() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle("Firefighters were called to the Riverside warehouse on Sunday morning.",
                "The fire chief, Marcus Delany, said nobody was hurt.");
        String body = api.get("audrey", "/api/articles/" + article).json().get("body").asText();
        long open = api.flag("edith", article, Map.of("quote", QUOTE, "start", body.indexOf(QUOTE),
                "category", "NAME"));
        try (Browser browser = Browser.open(port)) {
            browser.signIn("fiona");
            browser.go("/articles/" + article);
            browser.find("[data-article-body]");
            browser.selectInText(QUOTE);
            browser.find("#flag-this").click();
            browser.find("#flag-pop");
            new Select(browser.find("#flag-category")).selectByValue("NAME");
            browser.find("#flag-pop button[type=submit]").click();

            WebElement warning = browser.find("#flag-quote-error");
            assertThat(warning.getText()).contains("Claim #" + open + " (Flagged) is still open on these words");
            assertThat(browser.find("#flag-quote").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(focused(browser)).isEqualTo("flag-quote");
            browser.screenshot("flag-06-duplicate");
            browser.find("#flag-quote-error a").click();
            browser.wait.until(d -> browser.path().endsWith("#claim-" + open));
            assertThat(browser.find("mark#claim-" + open).getText()).isEqualTo(QUOTE);

            // A quote typed in the sidebar that is not in the text: the field says so, and has the focus.
            browser.go("/articles/" + article);
            browser.find("#flag-quote").sendKeys("Marcus Delaney");
            new Select(browser.find("#flag-category")).selectByValue("NAME");
            browser.find("#flag-note").sendKeys("The press release");
            browser.find("#flag-form button[type=submit]").click();
            WebElement error = browser.find("#flag-quote-error");
            assertThat(error.getText()).startsWith("These words are not in the current text");
            assertThat(browser.find("#flag-quote").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(focused(browser)).isEqualTo("flag-quote");
            assertThat(browser.find("#flag-note").getAttribute("value")).isEqualTo("The press release");
            browser.screenshot("flag-07-refused-field");
            assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).hasSize(1);
            assertThat(browser.accessibilityFindings()).as("axe-core serious and critical findings").isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }

    /** After flagging: the address names the new claim's words, which are marked and have the focus. */
    private static long landedOnNewClaim(Browser browser, TestApi api, long article) {
        browser.find(".flash-ok");
        var claims = api.get("audrey", "/api/claims?articleId=" + article).json();
        long claim = claims.get(claims.size() - 1).get("id").asLong();
        browser.wait.until(d -> browser.path().equals("/articles/" + article + "#claim-" + claim));
        WebElement mark = browser.find("mark#claim-" + claim);
        assertThat(mark.getText()).isEqualTo(QUOTE);
        assertThat(focused(browser)).isEqualTo("claim-" + claim);
        browser.wait.until(d -> inViewport(browser, box(browser, mark)));
        Map<String, Number> where = box(browser, mark);
        assertThat(inViewport(browser, where)).as("the new claim's words in view: %s in %s x %s", where,
                number(browser, "return window.innerWidth"), number(browser, "return window.innerHeight")).isTrue();
        return claim;
    }

    private static String[] longStory() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            paragraphs.add("Paragraph " + i + " of the report: crews worked through the night at the Riverside "
                    + "warehouse while residents of the nearby streets were kept away from the smoke.");
        }
        paragraphs.add("The fire chief, " + QUOTE + ", said nobody was hurt and the building had been empty.");
        for (int i = 26; i <= 40; i++) {
            paragraphs.add("Paragraph " + i + " of the report: the council said the road would reopen once the "
                    + "structure had been checked by engineers.");
        }
        paragraphs.add(QUOTE + " thanked the crews from three stations.");
        return paragraphs.toArray(String[]::new);
    }

    private static String focused(Browser browser) {
        return (String) browser.script("return document.activeElement && document.activeElement.id");
    }

    private static String activeIsBody(Browser browser) {
        return String.valueOf(browser.script(
                "return document.activeElement === document.querySelector('[data-article-body]')"));
    }

    private static String caretParagraph(Browser browser) {
        return (String) browser.script("""
                const s = window.getSelection();
                if (!s.rangeCount || !s.focusNode) { return ''; }
                const e = s.focusNode.nodeType === 1 ? s.focusNode : s.focusNode.parentElement;
                const p = e && e.closest('p[data-offset]');
                return p ? p.textContent : '';
                """);
    }

    private static String selectedText(Browser browser) {
        return ((String) browser.script("return window.getSelection().toString()")).trim();
    }

    private static double number(Browser browser, String script) {
        return ((Number) browser.script(script)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> selectionBox(Browser browser) {
        return (Map<String, Number>) browser.script("""
                const r = window.getSelection().getRangeAt(0).getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
                """);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> box(Browser browser, WebElement element) {
        return (Map<String, Number>) browser.script("""
                const r = arguments[0].getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
                """, element);
    }

    private static boolean inViewport(Browser browser, Map<String, Number> box) {
        double height = number(browser, "return window.innerHeight");
        double width = number(browser, "return window.innerWidth");
        return box.get("top").doubleValue() >= 0 && box.get("bottom").doubleValue() <= height
                && box.get("left").doubleValue() >= 0 && box.get("right").doubleValue() <= width;
    }
}
