package org.factdesk.web;

import java.util.Map;

import org.factdesk.testing.Browser;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor reads a corrected article's revisions whole in a real browser: from the revisions page to revision 2,
 * back to revision 1, and on to the diff between them. The pages are saved under {@code target/screenshots/} and
 * checked by axe-core.
 */
@FactDeskTest
class RevisionBrowserTest {

    private static final String NOTICE = "An earlier version of this article misspelled Dover.";

    @LocalServerPort
    int port;

    @Test
    void anAuditorReadsEachRevisionAsItStoodAndGoesOnToTheDiff() throws Exception {
        TestApi api = new TestApi(port);
        long article = api.importArticle("The ferry left Dovr at noon with 40 passengers on board.",
                "The crossing took four hours in calm seas, the captain said.");
        long claim = api.flag("fiona", article, Map.of("quote", "Dovr", "category", "NAME", "replacement", "Dover"));
        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice", NOTICE));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");

        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            browser.signIn("audrey");
            browser.go("/audit/articles/" + article);
            browser.find("a[href='/audit/articles/" + article + "/revisions/2']").click();
            browser.wait.until(d -> browser.path().endsWith("/revisions/2"));
            assertThat(browser.find(".story-body").getText()).contains("left Dover at noon").doesNotContain("Dovr");
            assertThat(browser.find(".story-corrections").getText()).contains(NOTICE);
            assertThat(browser.find(".revision-facts").getText()).contains("claim #" + claim, "edith");
            browser.screenshot("revision-2-as-it-stood");

            browser.find("a[rel=prev]").click();
            browser.wait.until(d -> browser.path().endsWith("/revisions/1"));
            assertThat(browser.find(".story-body").getText()).contains("left Dovr at noon");
            assertThat(browser.driver.findElements(By.cssSelector(".story-corrections"))).isEmpty();
            browser.screenshot("revision-1-as-it-stood");

            browser.find("a[rel=next]").click();
            browser.wait.until(d -> browser.path().endsWith("/revisions/2"));
            browser.find("a[href*='from=1&to=2']").click();
            browser.wait.until(d -> browser.path().startsWith("/audit/articles/" + article + "?from=1"));
            browser.find(".diff");
            browser.screenshot("revision-2-diff");

            browser.go("/audit/articles/" + article + "/revisions/9");
            assertThat(browser.find("h1").getText()).isEqualTo("Nothing here");
            assertThat(browser.find("main").getText()).contains("has no revision 9");
            browser.screenshot("revision-not-found");

            assertThat(browser.accessibilityFindings()).isEmpty();
            assertThat(browser.scriptErrors()).as("script errors in the browser console").isEmpty();
        }
    }
}
