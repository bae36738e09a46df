package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.factdesk.shared.InputLimits;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The flag form refuses a value over its limit by showing the article again with the reason and status 400, and a
 * form value with NUL or another control character with the error view and 400 — never a 500 — storing nothing.
 */
@FactDeskTest
class PageLimitsTest extends PageTest {

    @Test
    void showsTheArticleAgainWithTheLimitWhenANoteIsTooLong() throws Exception {
        long article = api.importArticle("The mayor, Jane Smyth, opened the bridge on Tuesday.");

        mvc.perform(post("/articles/" + article + "/claims").with(as("fiona")).with(csrf())
                        .param("quote", "Smyth").param("start", "16").param("category", "NAME")
                        .param("note", "n".repeat(InputLimits.FLAG_NOTE + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("aria-invalid=\"true\""),
                        Matchers.containsString("This is 2001 characters long; FactDesk takes at most 2000."))));

        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();
    }

    @Test
    void showsTheErrorViewForAControlCharacterInAForm() throws Exception {
        long article = api.importArticle("The mayor, Jane Smyth, opened the bridge on Tuesday.");

        mvc.perform(post("/articles/" + article + "/claims").with(as("fiona")).with(csrf())
                        .param("quote", "Smyth").param("start", "16").param("category", "NAME")
                        .param("replacement", "Smith\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("Error 400"),
                        Matchers.containsString("the control character U+0000"))));

        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();
    }

    private static RequestPostProcessor as(String name) {
        String role = switch (name) {
            case "fiona", "farid" -> "FACT_CHECKERS";
            case "edith", "elliot" -> "EDITORS";
            default -> "ADMINS";
        };
        return user(name).roles(role);
    }
}
