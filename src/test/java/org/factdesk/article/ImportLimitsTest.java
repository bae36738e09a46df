package org.factdesk.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An article file over a limit — the whole file, the headline, the section, the body, the paragraph count, the
 * {@code source} — or with NUL or bytes that are not text is refused before anything is written, naming what and
 * the limit; a file in another declared charset is read in it.
 */
@FactDeskTest
class ImportLimitsTest {

    private static final String PROBLEM = "urn:factdesk:problem:";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi api;
    private long articlesBefore;

    @BeforeEach
    void connect() {
        api = new TestApi(port);
        articlesBefore = articles();
    }

    @Test
    void refusesAFileOverItsLimitAsTooLarge() {
        Answer answer = send(file("Headline", "x".repeat(InputLimits.ARTICLE_FILE)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asText()).isEqualTo(PROBLEM + "too-large");
        assertThat(answer.json().get("detail").asText()).contains("'article'", "250000");
        assertThat(articles()).isEqualTo(articlesBefore);
    }

    @Test
    void refusesAHundredThousandCharacterHeadlineNamingIt() {
        Answer answer = send(file("H".repeat(100_000), "Body."));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("type").asText()).isEqualTo(PROBLEM + "field-too-long");
        assertThat(answer.json().get("detail").asText()).contains("'headline'", "100000", "1000");
        assertThat(articles()).isEqualTo(articlesBefore);
    }

    @Test
    void refusesASectionBodyAndParagraphCountOverTheirLimits() {
        Answer section = api.postText("edith", "/api/articles", "S".repeat(InputLimits.NAME + 1) + "\nHeadline "
                + UUID.randomUUID() + "\n8 January 2020, 09:00\nBody.");
        Answer body = send(file("Headline", "b".repeat(InputLimits.ARTICLE_BODY + 1)));
        Answer paragraphs = send(file("Headline", "P.\n".repeat(InputLimits.PARAGRAPHS + 1)));

        assertThat(section.status()).isEqualTo(400);
        assertThat(section.json().get("detail").asText()).contains("'section'", "200");
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.json().get("detail").asText()).contains("'body'", "200000");
        assertThat(paragraphs.status()).isEqualTo(413);
        assertThat(paragraphs.json().get("detail").asText()).contains("2001 paragraphs", "2000");
        assertThat(articles()).isEqualTo(articlesBefore);
    }

    @Test
    void refusesALongOrUncleanSource() {
        Answer long_ = api.postText("edith", "/api/articles?source=" + "s".repeat(InputLimits.NAME + 1),
                file("Headline", "Body."));
        Answer nul = api.postText("edith", "/api/articles?source=a%00b", file("Headline", "Body."));

        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.json().get("detail").asText()).contains("'source'");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("type").asText()).isEqualTo(PROBLEM + "invalid-characters");
        assertThat(articles()).isEqualTo(articlesBefore);
    }

    @Test
    void refusesNulAndBytesThatAreNotText() {
        Answer nul = send(file("Headline", "A NUL\u0000 here."));
        Answer surrogate = sendBytes("text/plain", bytes(file("Headline", "Half a pair: "), new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}));
        Answer unknownCharset = sendBytes("text/plain; charset=nope", file("Headline", "Body.")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("type").asText()).isEqualTo(PROBLEM + "invalid-characters");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.json().get("type").asText()).isEqualTo(PROBLEM + "invalid-encoding");
        assertThat(unknownCharset.status()).isEqualTo(415);
        assertThat(unknownCharset.json().get("type").asText()).isEqualTo(PROBLEM + "unsupported-media-type");
        assertThat(articles()).isEqualTo(articlesBefore);
    }

    @Test
    void readsAFileInTheCharsetItDeclares() {
        String headline = "Caf\u00e9 reopens " + UUID.randomUUID();
        Answer answer = sendBytes("text/plain; charset=ISO-8859-1", file(headline, "Cr\u00e8me br\u00fbl\u00e9e.")
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("headline").asText()).startsWith(headline);
    }

    private static String file(String headline, String body) {
        String unique = headline.length() < 100 ? headline + " " + UUID.randomUUID() : headline;
        return "Test desk\n" + unique + "\n8 January 2020, 09:00\n" + body;
    }

    private Answer send(String text) {
        return api.postText("edith", "/api/articles", text);
    }

    private Answer sendBytes(String contentType, byte[] body) {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/articles"))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("edith:" + TestApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String start, byte[] end) {
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + end.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(end, 0, all, head.length, end.length);
        return all;
    }

    private long articles() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
    }
}
