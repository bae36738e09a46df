package org.factdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Addresses that Tomcat or Spring Security refuse before any controller runs — {@code %00}, an encoded slash, an
 * encoded percent, a semicolon, a raw control character — are answered 400 as problem+json with a FactDesk type,
 * never with Tomcat's HTML page. Sent over a raw socket, since an HTTP client library would not send them as written.
 */
@FactDeskTest
class MalformedAddressTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/claims/%00", "/api/claims/1%00", "/api/articles/%2F/claims", "/api/claims/..%2F1",
            "/api/claims/%25", "/api/claims/1;x=y", "/api/claims/%5C", "/api/claims/%", "/api/claims/%zz",
            "/api/tasks/%00/claim", "/api/claims/%C0%AF", "/api/claims/%ED%A0%80", "/api/claims//1",
            "/api/claims/%01", "/articles/%00", "/tasks/%2F/claim", "/public/articles/%00"})
    void answersAMalformedAddressWithAProblem(String target) {
        for (String method : List.of("GET", "POST")) {
            RawHttp.Answer answer = RawHttp.send(port, method, target, "Authorization: " + RawHttp.basic("fiona")
                    + "\r\nContent-Type: application/json", "{}".getBytes());

            assertThat(answer.status()).as(method + " " + target + " → " + answer).isBetween(400, 499);
            assertThat(answer.isProblem()).as(method + " " + target + " → " + answer).isTrue();
            JsonNode problem = json(answer);
            assertThat(problem.get("type").asText()).startsWith("urn:factdesk:problem:");
            assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
            assertThat(problem.get("detail").asText()).isNotBlank();
            assertThat(answer.body()).doesNotContain("Apache Tomcat", "<html");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/claims/\u0001", "/api/claims/a b", "/api/claims/\u007f"})
    void answersARawControlCharacterInTheRequestLineWithAProblem(String target) {
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, "Authorization: " + RawHttp.basic("fiona"), null);

        assertThat(answer.status()).as(target + " → " + answer).isBetween(400, 499);
        assertThat(answer.body()).doesNotContain("Apache Tomcat");
    }

    private static JsonNode json(RawHttp.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
    }
}
