package org.factdesk.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.LoopbackClient;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins over real HTTP, each client from a loopback address of its own: nobody can lock an account, and a
 * client that keeps failing is refused with 429 while everybody else signs in as before.
 */
@FactDeskTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingTest {

    private static final String ARTICLES = "/api/articles";

    @LocalServerPort
    int port;

    private LoopbackClient client() {
        return LoopbackClient.fresh(port);
    }

    @Test
    void wrongPasswordsFromManyClientsLockNobodyOut() {
        for (int i = 0; i < 20; i++) {
            assertThat(client().get(ARTICLES, "admin", "guess-" + i).status()).isEqualTo(401);
        }

        assertThat(client().get(ARTICLES, "admin", TestApi.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserFailsNoFasterThanAWrongPassword() {
        for (String user : List.of("nobody-at-all", "audrey")) {
            long started = System.nanoTime();
            assertThat(client().get(ARTICLES, user, "guess").status()).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as(user)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void aClientThatKeepsGuessingAnAccountIsRefusedEvenWithTheRightPassword(CapturedOutput output) {
        LoopbackClient attacker = client();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(attacker.get(ARTICLES, "admin", "secret-guess-" + i).status());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429);
        assertTooManyAttempts(attacker.get(ARTICLES, "admin", TestApi.PASSWORD));
        assertThat(client().get(ARTICLES, "admin", TestApi.PASSWORD).status()).as("the admin elsewhere")
                .isEqualTo(200);
        assertThat(attacker.get(ARTICLES, "fiona", TestApi.PASSWORD).status()).as("another account").isEqualTo(200);
        assertThat(output.getOut()).contains("Refusing sign-ins from " + attacker.address() + " as 'admin' for PT5M")
                .doesNotContain("secret-guess");
    }

    @Test
    void aClientThatFailsForManyAccountsIsRefusedForEveryAccount() {
        LoopbackClient attacker = client();
        // Unknown users and wrong passwords count alike.
        for (int i = 0; i < 4; i++) {
            assertThat(attacker.get(ARTICLES, "farid", "guess-" + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 16; i++) {
            assertThat(attacker.get(ARTICLES, "nobody-" + i, "guess").status()).isEqualTo(401);
        }

        assertTooManyAttempts(attacker.get(ARTICLES, "fiona", TestApi.PASSWORD));
        assertTooManyAttempts(attacker.get("/engine-rest/task", "fiona", TestApi.PASSWORD));
        assertThat(client().get(ARTICLES, "fiona", TestApi.PASSWORD).status()).isEqualTo(200);
        assertThat(attacker.send("GET", "/public/corrections", Map.of(), null).status())
                .as("without credentials it is no sign-in").isEqualTo(200);
    }

    @Test
    void theSignInFormTellsAThrottledClientWhenToComeBack() {
        SignInForm attacker = new SignInForm(client());
        for (int i = 0; i < 5; i++) {
            LoopbackClient.Reply reply = attacker.submit("elliot", "guess-" + i);
            assertThat(reply.status()).isEqualTo(302);
            assertThat(reply.header("Location")).endsWith("/login?error");
        }

        LoopbackClient.Reply refused = attacker.submit("elliot", TestApi.PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("text/html");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(refused.body()).contains("Too many failed sign-ins from your address. Try again in 5 minutes.")
                .doesNotContain("Exception");
        LoopbackClient.Reply elsewhere = new SignInForm(client()).submit("elliot", TestApi.PASSWORD);
        assertThat(elsewhere.status()).isEqualTo(302);
        assertThat(elsewhere.header("Location")).doesNotContain("error");
    }

    private static void assertTooManyAttempts(LoopbackClient.Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(429);
        assertThat(reply.isProblem()).as("problem+json: %s", reply).isTrue();
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:factdesk:problem:too-many-sign-in-attempts");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).startsWith("Too many failed sign-ins from your address.");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(reply.header("WWW-Authenticate")).as("no invitation to try another password").isNull();
    }

    /** FactDesk's sign-in page as a browser at one address uses it: its session cookie and CSRF token. */
    private static final class SignInForm {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final LoopbackClient client;
        private final String cookie;
        private final String csrf;

        SignInForm(LoopbackClient client) {
            this.client = client;
            LoopbackClient.Reply page = client.send("GET", "/login", Map.of(), null);
            assertThat(page.status()).isEqualTo(200);
            this.cookie = page.header("Set-Cookie").split(";")[0];
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("CSRF token in %s", page.body()).isTrue();
            this.csrf = token.group(1);
        }

        LoopbackClient.Reply submit(String user, String password) {
            return client.send("POST", "/login", Map.of("Cookie", cookie, "Accept", "text/html",
                            "Content-Type", "application/x-www-form-urlencoded"),
                    LoopbackClient.form(Map.of("username", user, "password", password, "_csrf", csrf)));
        }
    }
}
