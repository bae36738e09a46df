package org.factdesk.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.shared.InputLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A flag with a value over its limit or with a character no text may hold is refused before anything is written —
 * 400 naming the field and its limit, 413 for a body over a megabyte, never 409 or 500 — and ordinary text with
 * emoji, tabs and line ends is stored exactly.
 */
@FactDeskTest
class FlaggingLimitsTest {

    private static final String PROBLEM = "urn:factdesk:problem:";

    @LocalServerPort
    int port;

    private TestApi api;
    private long article;

    @BeforeEach
    void importArticle() {
        api = new TestApi(port);
        article = api.importArticle("Rainfall reached 300mm in the valley last week.");
    }

    @Test
    void refusesAReplacementOverItsLimitNamingFieldAndLimit() {
        Answer answer = flag(Map.of("replacement", "r".repeat(2_500)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).isEqualTo(PROBLEM + "field-too-long");
        assertThat(answer.json().get("detail").asText()).contains("'replacement'", "2500",
                Integer.toString(InputLimits.REPLACEMENT));
        assertNothingStored();
    }

    @Test
    void refusesEachTextOneCharacterOverItsLimit() {
        Map<String, Integer> limits = Map.of("quote", InputLimits.QUOTE, "note", InputLimits.FLAG_NOTE,
                "category", InputLimits.CHOICE, "severity", InputLimits.CHOICE, "scope", InputLimits.CHOICE);
        limits.forEach((field, limit) -> {
            Answer answer = flag(Map.of(field, "a".repeat(limit + 1)));
            assertThat(answer.status()).as(field).isEqualTo(400);
            assertThat(answer.json().get("detail").asText()).as(field).contains("'" + field + "'",
                    Integer.toString(limit));
        });
        assertNothingStored();
    }

    @Test
    void acceptsATextAtItsLimit() {
        Answer answer = flag(Map.of("note", "n".repeat(InputLimits.FLAG_NOTE),
                "replacement", "r".repeat(InputLimits.REPLACEMENT)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("note").asText()).hasSize(InputLimits.FLAG_NOTE);
    }

    @Test
    void refusesAMegabyteNoteAsTooLarge() {
        Answer answer = flag(Map.of("note", "n".repeat(1_048_576)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().get("type").asText()).isEqualTo(PROBLEM + "too-large");
        assertNothingStored();
    }

    @Test
    void refusesNulControlCharactersAndLoneSurrogatesNamingTheField() {
        String[][] cases = {{"note", "\\u0000"}, {"replacement", "\\ud800"}, {"quote", "300mm\\udc00"},
                {"note", "\\u001b[31m"}, {"replacement", "a\\u007f"}};
        for (String[] bad : cases) {
            String body = "{\"quote\":\"300mm\",\"category\":\"NUMBER\",\"" + bad[0] + "\":\"x" + bad[1] + "\"}";
            Answer answer = api.post("fiona", "/api/articles/" + article + "/claims", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().get("type").asText()).isEqualTo(PROBLEM + "invalid-characters");
            assertThat(answer.json().get("detail").asText()).contains("'" + bad[0] + "'");
        }
        assertNothingStored();
        assertThat(api.get("audrey", "/api/claims").json().isArray()).isTrue();
    }

    @Test
    void storesEmojiTabsAndLineEndsExactly() {
        String note = "Source: \ud83d\udcf0 agency copy\tp. 2\r\nsecond line \u00e9\u4e2d";

        Answer answer = flag(Map.of("note", note));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("note").asText()).isEqualTo(note.strip());
    }

    private Answer flag(Map<String, Object> overrides) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("quote", "300mm", "category", "NUMBER"));
        request.putAll(overrides);
        return api.post("fiona", "/api/articles/" + article + "/claims", request);
    }

    private void assertNothingStored() {
        JsonNode claims = api.get("audrey", "/api/claims?articleId=" + article).json();
        assertThat(claims).isEmpty();
        assertThat(api.get("audrey", "/api/audit?articleId=" + article).json()).hasSize(1);
    }
}
