package org.factdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the API cannot read are 4xx problems with a FactDesk type: a multipart body without a boundary, a media
 * type it does not take, a method it does not answer, a body over the size limit declared or chunked.
 */
@FactDeskTest
class ApiErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void answersAMultipartBodyWithoutBoundaryWith400() throws Exception {
        long article = new TestApi(port).importArticle("Rainfall reached 300mm.");
        for (String path : new String[] {"/api/articles", "/api/articles/" + article + "/claims",
                "/api/tasks/x/complete"}) {
            RawHttp.Answer answer = send("POST", path, "multipart/form-data", "--x\r\n\r\nbody\r\n--x--");

            assertThat(answer.status()).as(path + " " + answer).isEqualTo(400);
            assertThat(problem(answer).get("type").asText()).isEqualTo("urn:factdesk:problem:invalid-multipart");
        }
    }

    @Test
    void givesSpringsOwnRefusalsAFactDeskType() throws Exception {
        RawHttp.Answer xml = send("POST", "/api/articles", "application/xml", "<article/>");
        RawHttp.Answer method = RawHttp.send(port, "DELETE", "/api/claims", "Authorization: " + RawHttp.basic("admin"),
                null);
        RawHttp.Answer missing = send("GET", "/api/audit/verify?entries=abc", null, null);

        assertThat(xml.status()).isEqualTo(415);
        assertThat(problem(xml).get("type").asText()).isEqualTo("urn:factdesk:problem:unsupported-media-type");
        assertThat(method.status()).isEqualTo(405);
        assertThat(problem(method).get("type").asText()).isEqualTo("urn:factdesk:problem:method-not-allowed");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(problem(missing).get("type").asText()).isEqualTo("urn:factdesk:problem:invalid-parameter");
    }

    @Test
    void refusesABodyOverTheLimitDeclaredOrChunked() throws Exception {
        byte[] big = "x".repeat(InputLimits.REQUEST_BYTES + 1).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Answer declared = RawHttp.send(port, "POST", "/api/scan", "Authorization: " + RawHttp.basic("fiona")
                + "\r\nContent-Type: text/plain", big);
        RawHttp.Answer chunked = RawHttp.send(port, "POST", "/api/scan", "Authorization: " + RawHttp.basic("fiona")
                + "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked", chunks(big));

        for (RawHttp.Answer answer : new RawHttp.Answer[] {declared, chunked}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(problem(answer).get("type").asText()).isEqualTo("urn:factdesk:problem:too-large");
            assertThat(problem(answer).get("detail").asText()).contains(Integer.toString(InputLimits.REQUEST_BYTES));
        }
    }

    private static byte[] chunks(byte[] body) {
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < body.length; at += 65_536) {
            int size = Math.min(65_536, body.length - at);
            out.append(Integer.toHexString(size)).append("\r\n")
                    .append(new String(body, at, size, StandardCharsets.US_ASCII)).append("\r\n");
        }
        return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private RawHttp.Answer send(String method, String path, String contentType, String body) {
        return RawHttp.send(port, method, path, "Authorization: " + RawHttp.basic("edith")
                        + (contentType == null ? "" : "\r\nContent-Type: " + contentType),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode problem(RawHttp.Answer answer) throws Exception {
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        return JSON.readTree(answer.body());
    }
}
