package org.factdesk.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.shared.ProblemException;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reader reports on the running application: filing with its limits, consent and throttle, erasure, and each triage
 * outcome through FactDesk's task API, up to the published correction that tells the reader.
 */
@FactDeskTest
class ReaderReportsTest {

    private static final String TEXT = "Ships docked at Hul, Grimsbi and Gool on Monday, the port authority said.";

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventMulticaster multicaster;

    private TestApi api;
    private final List<ReaderReportResolved> resolved = new CopyOnWriteArrayList<>();
    private final ApplicationListener<PayloadApplicationEvent<?>> resolutions = event -> {
        if (event.getPayload() instanceof ReaderReportResolved r) {
            resolved.add(r);
        }
    };

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        multicaster.addApplicationListener(resolutions);
    }

    @AfterEach
    void tearDown() {
        multicaster.removeApplicationListener(resolutions);
    }

    @Test
    void aReportOnTheCurrentTextOpensATriageInTheFactCheckersQueue() {
        long article = api.importArticle(TEXT);

        long id = file(article, "Grimsbi", "It is spelled Grimsby.", null);

        JsonNode task = Reports.triageTask(api, "fiona", article, id);
        assertThat(task).isNotNull();
        assertThat(task.get("name").asText()).isEqualTo("Triage report");
        assertThat(task.has("claimId")).isFalse();
        assertThat(Reports.triageTask(api, "edith", article, id)).as("editors do not triage").isNull();
        JsonNode report = api.get("fiona", "/api/reports/" + id).json();
        assertThat(report.get("quote").asText()).isEqualTo("Grimsbi");
        assertThat(report.get("start").asInt()).isEqualTo(TEXT.indexOf("Grimsbi"));
        assertThat(report.get("problem").asText()).isEqualTo("It is spelled Grimsby.");
        assertThat(report.get("state").asText()).isEqualTo("OPEN");
        assertThat(report.get("hasEmail").asBoolean()).isFalse();
    }

    @Test
    void aQuoteThatIsNotInTheTextIsRefusedAndNothingIsStored() {
        long article = api.importArticle(TEXT);

        assertThatThrownBy(() -> file(article, "Grimsby", "Spelling.", null))
                .isInstanceOfSatisfying(InvalidReport.class, refused -> {
                    assertThat(refused.field()).isEqualTo("quote");
                    assertThat(refused.type()).isEqualTo("quote-not-found");
                });

        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void everyFieldHasItsLimit() {
        long article = api.importArticle(TEXT);

        assertRefused(() -> file(article, "x".repeat(ReportService.QUOTE + 1), "Too long.", null), "quote",
                "field-too-long");
        assertRefused(() -> file(article, "Gool", "y".repeat(ReportService.PROBLEM + 1), null), "problem",
                "field-too-long");
        assertRefused(() -> reports.file(article, new ReportRequest("Gool", null, "Spelling.",
                "a".repeat(ReportService.EMAIL) + "@example.org", true), Reports.freshAddress()), "email",
                "field-too-long");
        assertRefused(() -> file(article, "Gool", "   ", null), "problem", "invalid-report");
        assertRefused(() -> file(article, "Gool", "Bad \u0000 byte", null), "problem", "invalid-characters");
        assertThat(reportsOf(article)).isZero();
    }

    @Test
    void anEmailIsKeptOnlyWithConsent() {
        long article = api.importArticle(TEXT);

        assertRefused(() -> reports.file(article, new ReportRequest("Gool", null, "Goole.", "ann@example.org",
                false), Reports.freshAddress()), "consent", "consent-required");
        assertRefused(() -> reports.file(article, new ReportRequest("Gool", null, "Goole.", "not an address",
                true), Reports.freshAddress()), "email", "invalid-email");
        long id = file(article, "Gool", "Goole.", "ann@example.org");

        assertThat(emailOf(id)).isEqualTo("ann@example.org");
        Answer report = api.get("fiona", "/api/reports/" + id);
        assertThat(report.json().get("hasEmail").asBoolean()).isTrue();
        assertThat(report.body()).doesNotContain("ann@example.org");
        assertThat(api.get("audrey", "/api/audit?articleId=" + article).body()).doesNotContain("ann@example.org")
                .doesNotContain("Goole.");
    }

    @Test
    void aClientThatFiledItsShareWaits() {
        long article = api.importArticle(TEXT);
        String address = Reports.freshAddress();
        for (int i = 0; i < 5; i++) {
            reports.file(article, new ReportRequest("Hul", null, "Hull, surely (" + i + ").", null, false), address);
        }

        assertThatThrownBy(() -> reports.file(article, new ReportRequest("Hul", null, "Once more.", null, false),
                address)).isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.status().value()).isEqualTo(429);
                    assertThat(refused.type()).isEqualTo("too-many-reports");
                });
        assertThat(reportsOf(article)).isEqualTo(5);
        reports.file(article, new ReportRequest("Hul", null, "Someone else.", null, false), Reports.freshAddress());
        assertThat(reportsOf(article)).isEqualTo(6);
    }

    @Test
    void erasureForgetsTheEmailAndTheReadersWordsAndIsAuditedWithoutThem() {
        long article = api.importArticle(TEXT);
        ReportService.Filed filed = reports.file(article, new ReportRequest("Hul", null, "Hull has two Ls.",
                "bea@example.org", true), Reports.freshAddress());

        assertThat(reports.erase(filed.erasureToken())).isEqualTo(filed.reportId());
        reports.erase(filed.erasureToken());

        assertThat(emailOf(filed.reportId())).isNull();
        JsonNode report = api.get("fiona", "/api/reports/" + filed.reportId()).json();
        assertThat(report.has("problem")).isFalse();
        assertThat(report.get("quote").asText()).isEqualTo("Hul");
        assertThat(report.get("erasedAt")).isNotNull();
        String audit = api.get("audrey", "/api/audit?articleId=" + article).body();
        assertThat(audit).contains("REPORT_ERASED").doesNotContain("bea@example.org").doesNotContain("two Ls");
        assertThat(audit.split("REPORT_ERASED", -1)).as("a second request changes nothing").hasSize(2);
        assertThatThrownBy(() -> reports.erase("A".repeat(43))).isInstanceOfSatisfying(ProblemException.class,
                refused -> assertThat(refused.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> reports.erase("short")).isInstanceOf(ProblemException.class);
    }

    @Test
    void anAcceptedReportBecomesAClaimFromAReaderFlaggedByWhoAcceptedIt() {
        long article = api.importArticle(TEXT);
        long id = file(article, "Grimsbi", "Grimsby.", null);

        Answer accepted = Reports.triage(api, "fiona", article, id, Map.of("outcome", "accept", "category", "TYPO",
                "replacement", "Grimsby"));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        JsonNode report = api.get("fiona", "/api/reports/" + id).json();
        assertThat(report.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(report.get("triagedBy").asText()).isEqualTo("fiona");
        JsonNode claim = api.claim(report.get("claimId").asLong());
        assertThat(claim.get("source").asText()).isEqualTo("reader");
        assertThat(claim.get("flaggedBy").asText()).isEqualTo("fiona");
        assertThat(claim.get("quote").asText()).isEqualTo("Grimsbi");
        assertThat(claim.get("start").asInt()).isEqualTo(TEXT.indexOf("Grimsbi"));
        assertThat(claim.get("state").asText()).isEqualTo("FLAGGED");
        assertThat(api.taskOf("farid", claim.get("id").asLong())).as("its review started").isNotNull();
        assertThat(Reports.triageTask(api, "fiona", article, id)).isNull();
        assertThat(api.get("audrey", "/api/audit?articleId=" + article).body()).contains("REPORT_ACCEPTED")
                .contains("found by reader");
    }

    @Test
    void anAcceptedReportNeedsACategoryAsAnyFlagDoes() {
        long article = api.importArticle(TEXT);
        long id = file(article, "Grimsbi", "Grimsby.", null);

        Answer refused = Reports.triage(api, "fiona", article, id, Map.of("outcome", "ACCEPT"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(Reports.triageTask(api, "fiona", article, id)).as("the task stays open").isNotNull();
        assertThat(api.get("fiona", "/api/reports/" + id).json().get("state").asText()).isEqualTo("OPEN");
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();
    }

    @Test
    void aReportMergesOnlyIntoAnOpenClaimOnTheSameWords() {
        long article = api.importArticle(TEXT);
        long onHul = api.flag("fiona", article, Map.of("quote", "Hul", "category", "TYPO"));
        long onGool = api.flag("fiona", article, Map.of("quote", "Gool", "category", "TYPO"));
        long closed = api.flag("fiona", article, Map.of("quote", "docked at Hul", "category", "TYPO"));
        api.work("farid", closed, Map.of("verdict", "NOT_AN_ERROR", "note", "It is the town's old spelling."));
        long id = file(article, "at Hul,", "Hull.", null);

        Answer otherWords = Reports.triage(api, "fiona", article, id, Map.of("outcome", "MERGE", "mergeInto", onGool));
        Answer closedClaim = Reports.triage(api, "fiona", article, id, Map.of("outcome", "MERGE", "mergeInto", closed));
        Answer merged = Reports.triage(api, "fiona", article, id, Map.of("outcome", "MERGE", "mergeInto", onHul));

        assertThat(otherWords.status()).isEqualTo(409);
        assertThat(otherWords.json().get("type").asText()).endsWith("merge-other-words");
        assertThat(closedClaim.status()).isEqualTo(409);
        assertThat(closedClaim.json().get("type").asText()).endsWith("merge-closed-claim");
        assertThat(merged.status()).as(merged.toString()).isEqualTo(204);
        JsonNode report = api.get("fiona", "/api/reports/" + id).json();
        assertThat(report.get("state").asText()).isEqualTo("MERGED");
        assertThat(report.get("claimId").asLong()).isEqualTo(onHul);
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).hasSize(3);
    }

    @Test
    void aDismissalNeedsAReasonAndLetsTheEmailGo() {
        long article = api.importArticle(TEXT);
        long id = file(article, "Monday", "It was Tuesday.", "cal@example.org");

        Answer withoutReason = Reports.triage(api, "fiona", article, id, Map.of("outcome", "DISMISS"));
        Answer dismissed = Reports.triage(api, "fiona", article, id, Map.of("outcome", "DISMISS",
                "reason", "The port log says Monday."));

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("type").asText()).endsWith("invalid-reason");
        assertThat(dismissed.status()).isEqualTo(204);
        JsonNode report = api.get("fiona", "/api/reports/" + id).json();
        assertThat(report.get("state").asText()).isEqualTo("DISMISSED");
        assertThat(report.get("dismissReason").asText()).isEqualTo("The port log says Monday.");
        assertThat(emailOf(id)).isNull();
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json()).isEmpty();
    }

    @Test
    void aClaimFoundToBeNoErrorLetsItsReadersEmailsGo() {
        long article = api.importArticle(TEXT);
        long accepted = file(article, "Monday", "Sunday, surely.", "ian@example.org");
        Reports.triage(api, "fiona", article, accepted, Map.of("outcome", "ACCEPT", "category", "FACTUAL"));
        long claim = api.get("fiona", "/api/reports/" + accepted).json().get("claimId").asLong();
        assertThat(emailOf(accepted)).isEqualTo("ian@example.org");

        api.work("farid", claim, Map.of("verdict", "NOT_AN_ERROR", "note", "The port log says Monday."));

        assertThat(emailOf(accepted)).isNull();
        assertThat(resolved).isEmpty();
    }

    @Test
    void aPublishedCorrectionTellsEachReaderWhoConsentedAndErasesTheirEmail() {
        long article = api.importArticle(TEXT);
        long accepted = file(article, "Grimsbi", "Grimsby.", "dee@example.org");
        long joined = file(article, "Grimsbi", "Also Grimsby.", "eve@example.org");
        long silent = file(article, "Grimsbi", "Grimsby!", null);
        Reports.triage(api, "fiona", article, accepted, Map.of("outcome", "ACCEPT", "category", "NAME",
                "replacement", "Grimsby"));
        long claim = api.get("fiona", "/api/reports/" + accepted).json().get("claimId").asLong();
        assertThat(Reports.triage(api, "fiona", article, joined, Map.of("outcome", "MERGE", "mergeInto", claim))
                .status()).isEqualTo(204);
        assertThat(Reports.triage(api, "fiona", article, silent, Map.of("outcome", "MERGE", "mergeInto", claim))
                .status()).isEqualTo(204);

        api.work("farid", claim, Map.of("verdict", "ERROR_CONFIRMED", "notice",
                "An earlier version of this article misspelled Grimsby."));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");

        assertThat(resolved).extracting(ReaderReportResolved::reportId).containsExactlyInAnyOrder(accepted, joined);
        assertThat(resolved).extracting(ReaderReportResolved::email)
                .containsExactlyInAnyOrder("dee@example.org", "eve@example.org");
        assertThat(resolved).allSatisfy(r -> {
            assertThat(r.claimId()).isEqualTo(claim);
            assertThat(r.articleId()).isEqualTo(article);
            assertThat(r.correctionLink()).endsWith("/public/articles/" + article + "#correction-" + claim);
            assertThat(r.toString()).doesNotContain("@example.org");
        });
        assertThat(emailOf(accepted)).isNull();
        assertThat(emailOf(joined)).isNull();
        assertThat(api.get("audrey", "/api/audit?articleId=" + article).body()).contains("REPORT_RESOLVED")
                .doesNotContain("@example.org");
    }

    private long file(long article, String quote, String problem, String email) {
        return reports.file(article, new ReportRequest(quote, null, problem, email, email != null),
                Reports.freshAddress()).reportId();
    }

    private long reportsOf(long article) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_report WHERE article_id = ?").param(article).query(Long.class)
                .single();
    }

    private String emailOf(long report) {
        return jdbc.sql("SELECT email FROM reader_report WHERE id = ?").param(report)
                .query((rs, row) -> Optional.ofNullable(rs.getString("email"))).single().orElse(null);
    }

    private static void assertRefused(Runnable filing, String field, String type) {
        assertThatThrownBy(filing::run).isInstanceOfSatisfying(InvalidReport.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.type()).isEqualTo(type);
        });
    }
}
