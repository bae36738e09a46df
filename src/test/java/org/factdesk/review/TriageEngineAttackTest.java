package org.factdesk.review;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.factdesk.report.ReportRequest;
import org.factdesk.report.ReportService;
import org.factdesk.report.Reports;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.testing.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The triage rules under attack through Camunda's engine REST API and its services: the same outcomes, reasons,
 * form and group hold there as through FactDesk's task API, because the listener inside the engine enforces them.
 */
@FactDeskTest
class TriageEngineAttackTest {

    private static final String TEXT = "Trawlers left Whitbi and Scarborough before the storm reached the coast.";

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void aDismissalWithoutAReasonIsRefusedThroughTheEngineRestApi() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}", "application/json");

        Answer refused = complete("fiona", task, "{\"outcome\":{\"value\":\"DISMISS\"}}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("type").asText()).endsWith("invalid-reason");
        assertOpen(article, report, task);
    }

    @Test
    void aCompletionThatWritesMoreThanItsFormIsRefused() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}", "application/json");

        Answer otherReport = complete("fiona", task, "{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"x\"},"
                + "\"reportId\":{\"value\":" + (report + 1) + ",\"type\":\"Long\"}}");
        Answer extra = complete("fiona", task, "{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"x\"},"
                + "\"verdict\":{\"value\":\"NOT_AN_ERROR\"}}");
        Answer claimed = complete("fiona", task, "{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"x\"},"
                + "\"claimId\":{\"value\":1,\"type\":\"Long\"}}");

        assertThat(otherReport.status()).as("%s", otherReport).isEqualTo(403);
        assertThat(extra.status()).as("%s", extra).isEqualTo(403);
        assertThat(claimed.status()).as("%s", claimed).isEqualTo(403);
        assertOpen(article, report, task);
    }

    @Test
    void onlyFactCheckersTriageAndOnlyTheHolderCompletes() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);

        Answer editor = complete("edith", task, "{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"x\"}}");
        api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}", "application/json");
        Answer colleague = complete("farid", task, "{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"x\"}}");

        assertThat(editor.status()).as("%s", editor).isIn(403, 404);
        assertThat(colleague.status()).as("%s", colleague).isEqualTo(409);
        assertOpen(article, report, task);
    }

    @Test
    void aMergeIntoAClosedClaimIsRefusedThroughTheEngineRestApi() {
        long article = api.importArticle(TEXT);
        long closed = api.flag("fiona", article, Map.of("quote", "Whitbi", "category", "TYPO"));
        api.work("farid", closed, Map.of("verdict", "NOT_AN_ERROR", "note", "The old spelling."));
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}", "application/json");

        Answer refused = complete("fiona", task, "{\"outcome\":{\"value\":\"MERGE\"},\"mergeInto\":{\"value\":" + closed
                + ",\"type\":\"Long\"}}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("merge-closed-claim");
        assertOpen(article, report, task);
    }

    @Test
    void anAcceptanceThroughTheEngineRestApiFlagsAReaderClaimAndStartsItsReview() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        api.send("fiona", "POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"fiona\"}", "application/json");

        Answer accepted = complete("fiona", task, "{\"outcome\":{\"value\":\"ACCEPT\"},\"category\":{\"value\":\"TYPO\"},"
                + "\"severity\":{\"value\":\"LOW\"},\"replacement\":{\"value\":\"Whitby\"}}");

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(204);
        long claim = api.get("fiona", "/api/reports/" + report).json().get("claimId").asLong();
        JsonNode flagged = api.claim(claim);
        assertThat(flagged.get("source").asText()).isEqualTo("reader");
        assertThat(flagged.get("flaggedBy").asText()).isEqualTo("fiona");
        assertThat(flagged.get("severity").asText()).isEqualTo("LOW");
        assertThat(api.taskOf("farid", claim)).isNotNull();
    }

    @Test
    void tasklistsEngineApiIsHeldToTheSameRules() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        WebSession fiona = WebSession.signIn(port, "fiona");
        fiona.camunda("POST", "/task/" + task + "/claim", "{\"userId\":\"fiona\"}");

        Answer refused = fiona.camunda("POST", "/task/" + task + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"DISMISS\"}}}");
        Answer dismissed = fiona.camunda("POST", "/task/" + task + "/complete",
                "{\"variables\":{\"outcome\":{\"value\":\"DISMISS\"},\"reason\":{\"value\":\"Whitbi is the "
                + "old spelling in the quoted log.\"}}}");

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(dismissed.status()).as("%s", dismissed).isEqualTo(204);
        JsonNode closed = api.get("fiona", "/api/reports/" + report).json();
        assertThat(closed.get("state").asText()).isEqualTo("DISMISSED");
        assertThat(closed.get("triagedBy").asText()).isEqualTo("fiona");
    }

    @Test
    void theTriageCannotBeEndedByAnotherWayThanItsOutcome() {
        long article = api.importArticle(TEXT);
        long report = file(article, "Whitbi");
        String task = triage(article, report);
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        // The outer door refuses a BPMN error from a fact-checker; the engine refuses the same from its services.
        Answer rest = api.send("fiona", "POST", "/engine-rest/task/" + task + "/bpmnError",
                "{\"errorCode\":\"X\"}", "application/json");
        identityService.setAuthentication("fiona", java.util.List.of(ReaderReportProcess.GROUP_FACT_CHECKERS));
        try {
            taskService.claim(task, "fiona");
            assertThatThrownBy(() -> taskService.handleBpmnError(task, "X")).isInstanceOf(RuntimeException.class);
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(rest.status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(api.get("fiona", "/api/reports/" + report).json().get("state").asText()).isEqualTo("OPEN");
    }

    private long file(long article, String quote) {
        return reports.file(article, new ReportRequest(quote, null, "Misspelled.", null, false),
                Reports.freshAddress()).reportId();
    }

    private String triage(long article, long report) {
        JsonNode task = Reports.triageTask(api, "fiona", article, report);
        assertThat(task).isNotNull();
        return task.get("id").asText();
    }

    private Answer complete(String user, String task, String variables) {
        return api.send(user, "POST", "/engine-rest/task/" + task + "/complete", "{\"variables\":" + variables + "}",
                "application/json");
    }

    private void assertOpen(long article, long report, String task) {
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
        assertThat(api.get("fiona", "/api/reports/" + report).json().get("state").asText()).isEqualTo("OPEN");
        assertThat(api.get("audrey", "/api/claims?articleId=" + article).json().size())
                .isLessThanOrEqualTo(1);
    }
}
