package org.factdesk.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.factdesk.testing.FactDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** FactDesk's pages tell browsers where their content may come from and what a link may pass on. */
@FactDeskTest
class SecurityHeadersTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        for (String page : new String[] {"/login", "/public/corrections", "/public/articles/1"}) {
            HttpResponse<String> response = get(page);

            assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
                    .hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
        }
    }

    @Test
    void theApiSendsNoReferrerAcrossOrigins() throws Exception {
        assertThat(get("/api/articles").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void camundasWebappsKeepTheirOwnPolicy() throws Exception {
        HttpResponse<String> response = get("/camunda/app/tasklist/default/");

        assertThat(response.headers().allValues("Content-Security-Policy"))
                .doesNotContain(SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
