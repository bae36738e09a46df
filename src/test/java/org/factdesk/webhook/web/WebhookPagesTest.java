package org.factdesk.webhook.web;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admins' webhook page: adding an endpoint shows its secret once, a bad URL is a message, others are refused. */
@FactDeskTest
class WebhookPagesTest extends PageTest {

    @Test
    void anAdminAddsAnEndpointAndSeesItsSecretOnceThenOnlyItsEnd() throws Exception {
        String url = "https://cms.example.com/hook/" + System.nanoTime();
        MvcResult added = mvc.perform(post("/admin/webhooks").with(admin()).with(csrf()).param("url", url)
                        .param("description", "Newsroom CMS"))
                .andExpect(redirectedUrl("/admin/webhooks")).andReturn();
        String secret = (String) added.getFlashMap().get("secret");
        assertThat(secret).startsWith("whsec_");

        String shownOnce = mvc.perform(get("/admin/webhooks").with(admin()).flashAttr("secret", secret))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shownOnce).contains(secret);
        String page = mvc.perform(get("/admin/webhooks").with(admin())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(url).contains("…" + secret.substring(secret.length() - 4)).doesNotContain(secret)
                .contains("Delivery log");
    }

    @Test
    void aUrlFactDeskWillNotPostToIsAMessageNotAnError() throws Exception {
        mvc.perform(post("/admin/webhooks").with(admin()).with(csrf()).param("url", "file:///etc/passwd"))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("problem", "FactDesk posts to http and https URLs only, not "
                        + "'file:///etc/passwd'."));
    }

    @Test
    void onlyAdminsOpenThePage() throws Exception {
        for (String role : new String[] {"FACT_CHECKERS", "EDITORS", "AUDITORS"}) {
            mvc.perform(get("/admin/webhooks").with(user("someone").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/webhooks").with(user("someone").roles(role)).with(csrf())
                    .param("url", "https://cms.example.com/hook")).andExpect(status().isForbidden());
        }
    }

    private static RequestPostProcessor admin() {
        return user("admin").roles("ADMINS");
    }
}
