package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit API on the running application: the live log verifies, its head can be exported and checked against,
 * exports download with the right type and name, a claim's bundle tells its whole story, and the live database
 * refuses to change an entry.
 */
@FactDeskTest
class AuditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestApi api;
    private ReviewFlow review;

    @BeforeEach
    void connect() {
        api = new TestApi(port);
        review = new ReviewFlow(api);
    }

    @Test
    void theLiveLogVerifiesAndReachesItsExportedHead() {
        api.importArticle("A paragraph for the audit log.");
        JsonNode head = api.get("audrey", "/api/audit/head").json();

        JsonNode verification = api.get("audrey", "/api/audit/verify?head=" + head.get("hash").asText()
                + "&entries=" + head.get("entries").asLong()).json();

        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isGreaterThanOrEqualTo(head.get("entries").asLong());
        assertThat(verification.has("firstBrokenAt")).isTrue();
        assertThat(verification.get("firstBrokenAt").isNull()).isTrue();
        assertThat(head.get("hash").asText()).hasSize(64);
        assertThat(head.get("at").asText()).endsWith("Z");
    }

    @Test
    void theLogIsReadAPageAtATimeInChainOrder() {
        long article = api.importArticle("Ships docked at Hul and Grimsbi.");
        api.flag("fiona", article, java.util.Map.of("quote", "Hul", "category", "NAME"));
        api.flag("fiona", article, java.util.Map.of("quote", "Grimsbi", "category", "NAME"));
        Answer first = api.get("audrey", "/api/audit?articleId=" + article + "&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).contains("rel=\"next\"");
        assertThat(first.json()).extracting(e -> e.get("action").asText()).containsExactly("IMPORTED", "FLAGGED");
        Answer second = api.get("audrey", "/api/audit?articleId=" + article + "&size=2&page=1");
        assertThat(second.json()).hasSize(1);
        assertThat(second.json().get(0).get("seq").asLong()).isGreaterThan(first.json().get(1).get("seq").asLong());
        assertThat(api.get("audrey", "/api/audit?size=1001").status()).isEqualTo(400);
    }

    @Test
    void anUnknownHeadIsReportedAsBroken() {
        JsonNode verification = api.get("admin", "/api/audit/verify?head=" + "ab".repeat(32)).json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenAt").asLong()).isEqualTo(verification.get("entries").asLong() + 1);
        assertThat(verification.get("reason").asText()).contains("not in the log");
    }

    @Test
    void onlyAuditorsAndAdminsVerifyAndExportTheHead() {
        for (String path : List.of("/api/audit/verify", "/api/audit/head")) {
            assertThat(api.get("audrey", path).status()).isEqualTo(200);
            assertThat(api.get("admin", path).status()).isEqualTo(200);
            assertThat(api.get("edith", path).status()).isEqualTo(403);
            assertThat(api.get("fiona", path).status()).isEqualTo(403);
            assertThat(api.get(null, path).status()).isEqualTo(401);
        }
        Answer malformed = api.get("audrey", "/api/audit/verify?head=abc");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
    }

    @Test
    void exportsCsvWithQuotingTypeAndFileName() throws Exception {
        long article = api.importArticle("He said, \"the Erbil vase\" was hit.", "Second paragraph.");
        review.flag(article, "Erbil vase", "TYPO", "Erbil base", "Line one, with a comma\nand \"quotes\"");

        HttpResponse<String> csv = download("edith", "/api/audit/export?format=csv&articleId=" + article);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").endsWith(".csv\""));
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly(AuditExports.COLUMNS);
        assertThat(rows).hasSize(3);
        List<String> flagged = rows.get(2);
        assertThat(flagged.get(4)).isEqualTo("FLAGGED");
        assertThat(flagged.get(8)).isEqualTo("Erbil vase");
        assertThat(flagged.get(10)).contains("Line one, with a comma\nand \"quotes\"");
        assertThat(flagged.get(12)).hasSize(64);
        assertThat(flagged.get(6)).isEqualTo(Long.toString(article));
        assertThat(flagged.get(9)).as("a missing value is an empty field").isEmpty();
    }

    @Test
    void exportsJsonAsOneArrayWithADownloadName() throws Exception {
        long article = api.importArticle("Nothing to correct here.");
        HttpResponse<String> response = download("audrey", "/api/audit/export?format=json&articleId=" + article);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("filename=\"factdesk-audit-article-"
                        + article + "-").contains(".json\""));
        JsonNode entries = new ObjectMapper().readTree(response.body());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("IMPORTED");
        assertThat(entries.get(0).get("hash").asText()).hasSize(64);
        assertThat(entries.get(0).get("claimId").isNull()).isTrue();
    }

    @Test
    void exportIsForEditorsAuditorsAndAdminsInAKnownFormat() {
        assertThat(api.get("fiona", "/api/audit/export").status()).isEqualTo(403);
        assertThat(api.get("admin", "/api/audit/export?format=csv&articleId=-1").status()).isEqualTo(200);
        Answer unknown = api.get("audrey", "/api/audit/export?format=xlsx");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown-format");
    }

    @Test
    void theBundleTellsAClaimsWholeStoryWithItsHashes() {
        long article = api.importArticle("The strike hit the Erbil vase at night.", "Officials confirmed it.");
        long claim = review.flag(article, "Erbil vase", "TYPO", "Erbil base", "The agency copy says base.");
        review.publish(claim, "ERROR_CONFIRMED", "An earlier version of this article said Erbil vase.");

        Answer answer = api.get("audrey", "/api/claims/" + claim + "/bundle");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode bundle = answer.json();
        assertThat(bundle.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(bundle.at("/flag/quote").asText()).isEqualTo("Erbil vase");
        assertThat(bundle.at("/flag/category").asText()).isEqualTo("TYPO");
        assertThat(bundle.at("/flag/replacement").asText()).isEqualTo("Erbil base");
        assertThat(bundle.at("/flag/note").asText()).isEqualTo("The agency copy says base.");
        assertThat(bundle.at("/flag/flaggedBy").asText()).isEqualTo("farid");
        assertThat(bundle.at("/verdict/verdict").asText()).isEqualTo("ERROR_CONFIRMED");
        assertThat(bundle.at("/verdict/verifiedBy").asText()).isEqualTo("fiona");
        assertThat(bundle.at("/verdict/notice").asText()).isEqualTo("An earlier version of this article said Erbil vase.");
        assertThat(bundle.at("/approval/decision").asText()).isEqualTo("APPROVE");
        assertThat(bundle.at("/approval/decidedBy").asText()).isEqualTo("edith");
        assertThat(bundle.at("/approval/at").asText()).isNotBlank();
        assertThat(bundle.at("/publication/revision").asInt()).isEqualTo(2);
        assertThat(bundle.at("/publication/kind").asText()).isEqualTo("CORRECTION");
        assertThat(bundle.at("/publication/before").asText()).contains("Erbil vase");
        assertThat(bundle.at("/publication/after").asText()).contains("Erbil base").doesNotContain("Erbil vase");
        assertThat(bundle.at("/publication/diff").asText()).contains("-The strike hit the Erbil vase", "+The strike hit the Erbil base");
        assertThat(bundle.at("/publication/notice").asText()).startsWith("Correction, ");
        assertThat(bundle.at("/publication/publishedAt").asText()).isNotBlank();

        List<String> actions = new ArrayList<>();
        bundle.get("audit").forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions).containsSubsequence("FLAGGED", "CLAIMED", "VERDICT", "CLAIMED", "APPROVED", "PUBLISHED");
        JsonNode history = api.get("audrey", "/api/claims/" + claim + "/history").json();
        for (int i = 0; i < history.size(); i++) {
            assertThat(bundle.get("audit").get(i).get("hash")).isEqualTo(history.get(i).get("hash"));
            assertThat(bundle.get("audit").get(i).get("hash").asText()).hasSize(64);
            assertThat(bundle.get("audit").get(i).get("seq").asLong()).isPositive();
        }
        assertThat(api.get("edith", "/api/claims/" + claim + "/bundle").status()).isEqualTo(200);
        assertThat(api.get("fiona", "/api/claims/" + claim + "/bundle").status()).isEqualTo(403);
        assertThat(api.get("audrey", "/api/claims/999999999/bundle").status()).isEqualTo(404);
    }

    @Test
    void theLiveDatabaseRefusesToChangeTheLog() {
        long article = api.importArticle("An entry nobody may change.");
        Long seq = jdbc.queryForObject("SELECT MAX(seq) FROM audit_entry WHERE article_id = ?", Long.class, article);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'nobody' WHERE seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", seq))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(api.get("audrey", "/api/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void theApplicationRanTheMigrationThatChainsOlderEntries() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '2.0.1' "
                + "AND \"success\" = TRUE", Integer.class)).isEqualTo(1);
    }

    /** A GET that keeps the response headers, which TestApi's answers leave out. */
    private HttpResponse<String> download(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + TestApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A small RFC 4180 reader, enough to prove the export's quoting round-trips. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
