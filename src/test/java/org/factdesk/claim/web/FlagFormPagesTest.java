package org.factdesk.claim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The article page's flag form over MockMvc: where a flag lands, the duplicate refusal in words with a link to the
 * open claim, and each refusal as a message under the field it is about, marked, focused, and with what was typed
 * kept.
 */
@FactDeskTest
class FlagFormPagesTest extends PageTest {

    private static final String[] STORY = {
            "Firefighters were called to the Riverside warehouse on Sunday.",
            "The fire chief, Marcus Delany, said nobody was hurt. Delany praised the crews, and Delany left.",
            "Crews from three stations spent four hours at the scene."
    };

    @Test
    void landsOnTheNewClaimsWordsInTheText() throws Exception {
        long article = api.importArticle(STORY);
        int start = body(article).indexOf("Marcus Delany");

        String target = mvc.perform(flag(article, "Marcus Delany", start, "NAME"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString(
                        "highlighted in the text")))
                .andReturn().getResponse().getRedirectedUrl();
        long claim = onlyClaim(article);

        assertThat(target).isEqualTo("/articles/" + article + "#claim-" + claim);
        Html page = page(article);
        Html.Tag mark = page.byId("claim-" + claim);
        assertThat(mark).isNotNull();
        assertThat(mark.name()).isEqualTo("mark");
        assertThat(mark.text()).isEqualTo("Marcus Delany");
        assertThat(page.ids()).filteredOn(("claim-" + claim)::equals).hasSize(1);
    }

    @Test
    void landsOnTheListWhenAnEarlierClaimsMarkCoversTheNewWords() throws Exception {
        long article = api.importArticle(STORY);
        String body = body(article);
        api.flag("edith", article, Map.of("quote", "Marcus Delany", "start", body.indexOf("Marcus Delany"),
                "category", "NAME"));

        String target = mvc.perform(flag(article, "Delany", body.indexOf("Delany"), "NAME"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString(
                        "listed under Open claims")))
                .andReturn().getResponse().getRedirectedUrl();

        long claim = api.get("audrey", "/api/claims?articleId=" + article).json().get(1).get("id").asLong();
        assertThat(target).isEqualTo("/articles/" + article + "#claim-" + claim + "-info");
        assertThat(page(article).byId("claim-" + claim + "-info")).isNotNull();
    }

    @Test
    void refusesTheSameWordsAgainInWordsWithALinkToTheOpenClaim() throws Exception {
        long article = api.importArticle(STORY);
        int start = body(article).indexOf("Marcus Delany");
        long open = api.flag("edith", article, Map.of("quote", "Marcus Delany", "start", start, "category", "NAME"));

        String html = mvc.perform(flag(article, "Marcus Delany", start, "NAME").param("note", "Press release"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        Html page = new Html(html);
        Html.Tag quote = page.byId("flag-quote");
        assertThat(quote.attr("aria-invalid")).isEqualTo("true");
        assertThat(quote.hasAttr("autofocus")).isTrue();
        assertThat(quote.attr("aria-describedby").split(" ")).contains("flag-quote-error");
        Html.Tag error = page.byId("flag-quote-error");
        assertThat(error.text()).contains("Claim #" + open + " (Flagged) is still open on these words at this place");
        assertThat(error.inner()).contains("<a href=\"#claim-" + open + "\">See claim #" + open + "</a>");
        assertThat(page.byId("claim-" + open)).isNotNull();
        // Shown once, under the field: not again as the page's message.
        assertThat(html.split("is still open on these words", -1)).hasSize(2);
        assertThat(html).doesNotContain("flash-bad");
        assertThat(page.byId("flag-note").text()).isEqualTo("Press release");
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).hasSize(1);
    }

    @Test
    void putsEachRefusalUnderItsFieldInPlainWords() throws Exception {
        long article = api.importArticle(STORY);

        Html notFound = refused(flag(article, "Marcus Delaney", null, "NAME")
                .param("replacement", "Marcus Delaney").param("note", "Spelling"), 400);
        assertOnlyInvalid(notFound, "flag-quote", "These words are not in the current text");
        assertThat(notFound.byId("flag-quote").text()).isEqualTo("Marcus Delaney");
        assertThat(notFound.byId("flag-replacement").attr("value")).isEqualTo("Marcus Delaney");
        assertThat(notFound.byId("flag-note").text()).isEqualTo("Spelling");

        Html noCategory = refused(flag(article, "four hours", null, ""), 400);
        assertOnlyInvalid(noCategory, "flag-category", "Choose what kind of error this is.");
        assertThat(noCategory.byId("flag-quote").text()).isEqualTo("four hours");

        Html ambiguous = refused(flag(article, "Delany", null, "NAME"), 400);
        assertOnlyInvalid(ambiguous, "flag-quote", "occurs more than once in the text");

        Html tooLong = refused(flag(article, "four hours", null, "NUMBER")
                .param("replacement", "x".repeat(1_001)), 400);
        assertOnlyInvalid(tooLong, "flag-replacement", "This is 1001 characters long; FactDesk takes at most 1000.");

        Html badSeverity = refused(flag(article, "four hours", null, "NUMBER").param("severity", "HUGE"), 400);
        assertOnlyInvalid(badSeverity, "flag-severity", "Choose one of the severities in the list.");
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();
    }

    @Test
    void saysWhereTheSelectionIsInWords() throws Exception {
        long article = api.importArticle(STORY);
        int second = body(article).indexOf("Delany", body(article).indexOf("Delany") + 1);

        Html page = refused(flag(article, "Delany", second, ""), 400);

        assertThat(page.byId("flag-position").text())
                .isEqualTo("Selected \u201cDelany\u201d in paragraph 2 (2nd of 3 times in the text).");
        assertThat(page.byId("flag-start").attr("value")).isEqualTo(String.valueOf(second));
        assertThat(page.form()).doesNotContain("at character");
    }

    private Html refused(MockHttpServletRequestBuilder request, int status) throws Exception {
        String html = mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString();
        Html page = new Html(html);
        // Never a code or a developer's sentence about JSON fields.
        assertThat(page.form()).doesNotContain("ERROR_", "'quote'", "'category'", "[TYPO");
        return page;
    }

    /** Exactly one field of the form is marked: this one, focused, with the message under it. */
    private static void assertOnlyInvalid(Html page, String id, String message) {
        assertThat(page.withAttribute("aria-invalid=\"true\"")).containsExactly(id);
        assertThat(page.withAttribute("autofocus")).containsExactly(id);
        Html.Tag field = page.byId(id);
        Html.Tag error = page.byId(id + "-error");
        assertThat(error).as("message under %s", id).isNotNull();
        assertThat(field.attr("aria-describedby").split(" ")).contains(id + "-error");
        assertThat(error.text()).contains(message);
        assertThat(page.form().split("class=\"field-error\"", -1)).hasSize(2);
    }

    private MockHttpServletRequestBuilder flag(long article, String quote, Integer start, String category) {
        MockHttpServletRequestBuilder request = post("/articles/" + article + "/claims").with(as("fiona"))
                .with(csrf()).param("quote", quote).param("category", category).param("severity", "MEDIUM");
        return start == null ? request : request.param("start", String.valueOf(start));
    }

    private Html page(long article) throws Exception {
        return new Html(mvc.perform(get("/articles/" + article).with(as("fiona"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private long onlyClaim(long article) {
        return api.get("audrey", "/api/claims?articleId=" + article).json().get(0).get("id").asLong();
    }

    private String body(long article) {
        return api.get("audrey", "/api/articles/" + article).json().get("body").asText();
    }

    private static RequestPostProcessor as(String name) {
        String role = switch (name) {
            case "fiona", "farid" -> "FACT_CHECKERS";
            default -> "EDITORS";
        };
        return user(name).roles(role);
    }

    /** Just enough of an HTML page to read an element by its id: its tag, attributes and text. */
    private record Html(String html) {

        private static final Pattern TAG = Pattern.compile("<([a-z]+)((?:\\s+[a-z-]+(?:=\"[^\"]*\")?)*)\\s*>");
        private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");

        /** An opening tag: its name, its attributes, and what follows it up to its closing tag. */
        record Tag(String name, String attributes, String inner) {

            String attr(String attribute) {
                Matcher m = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(attributes);
                return m.find() ? m.group(1).replace("&quot;", "\"").replace("&amp;", "&") : "";
            }

            boolean hasAttr(String attribute) {
                return Pattern.compile("\\s" + attribute + "(=|\\s|$)").matcher(attributes).find();
            }

            String text() {
                return inner.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip()
                        .replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
            }
        }

        Tag byId(String id) {
            Matcher m = TAG.matcher(html);
            while (m.find()) {
                Matcher idOf = ID.matcher(m.group(2));
                if (idOf.find() && idOf.group(1).equals(id)) {
                    int close = html.indexOf("</" + m.group(1) + ">", m.end());
                    return new Tag(m.group(1), m.group(2), close < 0 ? "" : html.substring(m.end(), close));
                }
            }
            return null;
        }

        List<String> ids() {
            List<String> ids = new ArrayList<>();
            Matcher m = ID.matcher(html);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        /** The ids of the flag form's elements that carry {@code attribute}. */
        List<String> withAttribute(String attribute) {
            List<String> ids = new ArrayList<>();
            Matcher m = TAG.matcher(form());
            while (m.find()) {
                Matcher idOf = ID.matcher(m.group(2));
                if (Pattern.compile("\\s" + Pattern.quote(attribute)).matcher(m.group(2)).find() && idOf.find()) {
                    ids.add(idOf.group(1));
                }
            }
            return ids;
        }

        String form() {
            int start = html.indexOf("<form id=\"flag-form\"");
            return html.substring(start, html.indexOf("</form>", start));
        }
    }
}
