package org.factdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.LoopbackClient;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every caller against every endpoint: 401 without valid credentials, 403 where the role may not, else an answer. */
@FactDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

    /**
     * The expected status of each call. 401 and 403 are refusals; any other number is the answer a caller gets once
     * past security: an unknown task is 404, so nothing is claimed. Open endpoints still check credentials that are
     * sent, hence 401 for a stranger or a wrong password there too.
     */
    private static final String MATRIX = """
            # method path                                  nobody stranger wrong fiona edith audrey lena admin
            GET  /api/articles                               401   401      401   200   200   200    200    200
            GET  /api/articles/{article}                     401   401      401   200   200   200    200    200
            GET  /api/articles/{article}/revisions/1         401   401      401   200   200   200    200    200
            POST /api/articles                               401   401      401   403   201   403    403    201
            POST /api/articles/{article}/claims              401   401      401   201   201   403    403    403
            GET  /api/claims?articleId={article}             401   401      401   200   200   200    200    200
            GET  /api/claims/{claim}                         401   401      401   200   200   200    200    200
            GET  /api/claims/{claim}/history                 401   401      401   403   200   200    403    200
            GET  /api/audit?articleId={article}              401   401      401   403   200   200    403    200
            GET  /api/audit/verify                           401   401      401   403   403   200    403    200
            GET  /api/audit/head                             401   401      401   403   403   200    403    200
            GET  /api/audit/export?format=csv&articleId={article} 401 401   401   403   200   200    403    200
            GET  /api/claims/{claim}/bundle                  401   401      401   403   200   200    403    200
            GET  /api/tasks                                  401   401      401   200   200   403    200    403
            POST /api/tasks/{task}/claim                     401   401      401   404   404   403    404    403
            POST /api/tasks/{task}/unclaim                   401   401      401   404   404   403    404    403
            POST /api/tasks/{task}/complete                  401   401      401   404   404   403    404    403
            GET  /api/webhooks                               401   401      401   403   403   403    403    200
            POST /api/webhooks                               401   401      401   403   403   403    403    400
            GET  /api/webhooks/deliveries                    401   401      401   403   403   403    403    200
            GET  /api/webhooks/987654321/deliveries          401   401      401   403   403   403    403    404
            DELETE /api/webhooks/987654321                   401   401      401   403   403   403    403    404
            GET  /api/notifications/mails                    401   401      401   403   403   403    403    200
            GET  /actuator/health                            200   401      401   200   200   200    200    200
            GET  /v3/api-docs                                200   401      401   200   200   200    200    200
            """;

    /**
     * The engine REST API, as SecurityConfiguration's API chain means it: staff read, admins start processes (an
     * unknown variable type is Camunda's 400, so nothing starts).
     */
    private static final String ENGINE_REST_MATRIX = """
            # method path                                        nobody stranger wrong fiona edith audrey lena admin
            GET  /engine-rest/task                                 401   401      401   200   200   200    200    200
            POST /engine-rest/process-definition/key/ClaimReview/start 401 401    401   403   403   403    403    400
            """;

    static final String WRONG_PASSWORD_USER = "wendy";

    private static final String UNKNOWN_TASK = "no-such-task";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Who calls: nobody, an unknown user, a known user with a wrong password, or a demo user of each role. */
    enum Caller {
        NOBODY(null, null),
        STRANGER("mallory", TestApi.PASSWORD),
        // A user of its own, so that its failures never count against a user other tests sign in as.
        WRONG_PASSWORD(SecurityMatrixTest.WRONG_PASSWORD_USER, "not-the-password"),
        FIONA("fiona", TestApi.PASSWORD),
        EDITH("edith", TestApi.PASSWORD),
        AUDREY("audrey", TestApi.PASSWORD),
        LENA("lena", TestApi.PASSWORD),
        ADMIN("admin", TestApi.PASSWORD);

        final String user;
        final String password;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }

        /**
         * Whether this caller's sign-in fails. Each such call comes from a client address of its own: FactDesk
         * refuses a client after a few failed sign-ins (SignInThrottle), which is not what this matrix is about.
         */
        boolean failsToSignIn() {
            return this == STRANGER || this == WRONG_PASSWORD;
        }
    }

    /** One HTTP answer with the header a 401 must carry. */
    record Response(int status, String contentType, String wwwAuthenticate, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory users;

    private TestApi api;
    private long articleId;
    private long claimId;

    @BeforeAll
    void anArticleWithAClaim() {
        api = new TestApi(port);
        users.ensureUser(WRONG_PASSWORD_USER, "Wendy", "Wrong-password", TestApi.PASSWORD,
                List.of(Groups.FACT_CHECKERS));
        articleId = api.importArticle("The harbour in Aberdeen handled 4 million tonnes of cargo last year.");
        claimId = api.flag("fiona", articleId, Map.of("quote", "4 million", "category", "NUMBER",
                "replacement", "5 million", "note", "The port authority's report says 5 million."));
    }

    static Stream<Arguments> matrix() {
        return cases(MATRIX);
    }

    static Stream<Arguments> engineRestMatrix() {
        return cases(ENGINE_REST_MATRIX);
    }

    private static Stream<Arguments> cases(String table) {
        List<Arguments> cases = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(cells[0], cells[1], caller, Integer.parseInt(cells[2 + caller.ordinal()])));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @MethodSource("matrix")
    void answersEveryCallerAsTheMatrixSays(String method, String path, Caller caller, int expected) {
        assertAnswer(method, path, caller, expected);
    }

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @MethodSource("engineRestMatrix")
    void answersEveryCallerOfTheEngineRestApiAsTheMatrixSays(String method, String path, Caller caller,
            int expected) {
        assertAnswer(method, path, caller, expected);
    }

    private void assertAnswer(String method, String path, Caller caller, int expected) {
        Response response = call(caller, method, path);

        assertThat(response.status()).as("%s %s as %s: %s", method, path, caller, response).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.wwwAuthenticate()).as("WWW-Authenticate").startsWith("Basic");
            if (!isOpen(path)) {
                assertProblem(response, 401, "unauthenticated");
            }
        } else if (expected == 403) {
            assertProblem(response, 403, "forbidden");
        }
    }

    @ParameterizedTest(name = "health as {0}")
    @EnumSource(value = Caller.class, names = {"NOBODY", "FIONA", "EDITH", "AUDREY"})
    void healthIsOpenButItsDetailsAreNot(Caller caller) {
        JsonNode health = call(caller, "GET", "/actuator/health").json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as("components shown to %s: %s", caller, health).isFalse();
    }

    @Test
    void healthShowsItsDetailsToAdmins() {
        JsonNode health = call(Caller.ADMIN, "GET", "/actuator/health").json();

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).as("components: %s", health).isTrue();
    }

    @Test
    void openApiDescriptionIsOpenAndListsTheArticleApi() {
        Response response = call(Caller.NOBODY, "GET", "/v3/api-docs");

        assertThat(response.contentType()).startsWith("application/json");
        JsonNode description = response.json();
        assertThat(description.path("openapi").asText()).startsWith("3.");
        assertThat(description.path("paths").has("/api/articles")).as("paths: %s", description.path("paths"))
                .isTrue();
    }

    private Response call(Caller caller, String method, String template) {
        // A flag that gets past security takes its words' place in the article (one open claim per place), so each
        // flagging call gets an article of its own.
        long article = "POST".equals(method) && template.endsWith("/claims") ? api.importArticle(
                "The harbour in Aberdeen handled 4 million tonnes of cargo last year.") : articleId;
        String path = template.replace("{article}", String.valueOf(article))
                .replace("{claim}", String.valueOf(claimId))
                .replace("{task}", UNKNOWN_TASK);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        String body = bodyFor(method, template);
        if (caller.failsToSignIn()) {
            return callFromAnAddressOfItsOwn(caller, method, path, template, body);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", "/api/articles".equals(template) ? "text/plain" : "application/json");
        }
        if (caller.user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller.user + ":" + caller.password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private Response callFromAnAddressOfItsOwn(Caller caller, String method, String path, String template,
            String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", LoopbackClient.basic(caller.user, caller.password));
        if (body != null) {
            headers.put("Content-Type", "/api/articles".equals(template) ? "text/plain" : "application/json");
        }
        LoopbackClient.Reply reply = LoopbackClient.fresh(port).send(method, path, headers, body);
        return new Response(reply.status(), reply.header("Content-Type"), reply.header("WWW-Authenticate"),
                reply.body());
    }

    /** A request body that the endpoint accepts once past security, or null for calls without one. */
    private static String bodyFor(String method, String template) {
        if (!"POST".equals(method)) {
            return null;
        }
        if ("/api/articles".equals(template)) {
            return "Test desk\nSecurity matrix article " + UUID.randomUUID() + "\n8 January 2020, 09:00\n"
                    + "The ferry to Orkney was cancelled on Sunday.";
        }
        if (template.endsWith("/claims")) {
            return "{\"quote\":\"Aberdeen\",\"category\":\"NAME\",\"note\":\"Check the port's name.\"}";
        }
        if ("/api/webhooks".equals(template)) {
            // A URL FactDesk refuses: an admin gets past security to the 400, and no endpoint is registered.
            return "{\"url\":\"ftp://cms.example.com/hook\"}";
        }
        if (template.startsWith("/engine-rest/")) {
            // An unknown variable type is refused before anything starts.
            return "{\"variables\":{\"category\":{\"value\":\"TYPO\",\"type\":\"NoSuchType\"}}}";
        }
        return template.endsWith("/complete") ? "{\"verdict\":\"NOT_AN_ERROR\",\"note\":\"Checked.\"}" : null;
    }

    private static boolean isOpen(String path) {
        return path.startsWith("/actuator/") || path.startsWith("/v3/");
    }

    private static void assertProblem(Response response, int status, String kind) {
        assertThat(response.isProblem()).as("problem+json: %s", response).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).isEqualTo("urn:factdesk:problem:" + kind);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
