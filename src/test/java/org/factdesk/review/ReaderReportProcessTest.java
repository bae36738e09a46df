package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.factdesk.review.ReaderReportProcess.Element.END_REPORT_ACCEPTED;
import static org.factdesk.review.ReaderReportProcess.Element.END_REPORT_DISMISSED;
import static org.factdesk.review.ReaderReportProcess.Element.END_REPORT_MERGED;
import static org.factdesk.review.ReaderReportProcess.Element.GATEWAY_TRIAGE;
import static org.factdesk.review.ReaderReportProcess.Element.START_REPORT_FILED;
import static org.factdesk.review.ReaderReportProcess.Element.TASK_TRIAGE_REPORT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.factdesk.report.Triage;
import org.factdesk.review.ClaimReviewProcessTest.FixedReviewDeadlines;
import org.factdesk.review.ClaimReviewProcessTest.RecordingTaskListener;
import org.factdesk.review.ReaderReportProcess.Bean;
import org.factdesk.review.ReaderReportProcess.Var;
import org.factdesk.testing.ProcessTestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every path of the ReaderReport process on an in-memory engine whose Spring beans are replaced by recording
 * fakes: the triage task for fact-checkers, and each outcome to its own end.
 */
@Deployment(resources = ReaderReportProcess.RESOURCE)
class ReaderReportProcessTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final String REPORT_ID = "17";

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.inMemory("reader-report-process-test"))
            .ensureCleanAfterTest(true)
            .build();

    private final RecordingTaskListener triageListener = new RecordingTaskListener();
    private final List<String> ends = new CopyOnWriteArrayList<>();

    private RuntimeService runtimeService;
    private TaskService taskService;

    @AfterAll
    static void closeEngine() {
        extension.getProcessEngine().close();
    }

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        runtimeService = engine.getRuntimeService();
        taskService = engine.getTaskService();
        BpmnAwareTests.init(engine);
        extension.setCurrentTime(Date.from(NOW));
        Mocks.register(Bean.TRIAGE_REPORT_LISTENER, triageListener);
        Mocks.register(ClaimReviewProcess.Bean.REVIEW_DEADLINES, new FixedReviewDeadlines());
        Mocks.register(Bean.READER_REPORT_END_LISTENER, (ExecutionListener) execution ->
                ends.add(execution.getProcessBusinessKey() + "@" + execution.getCurrentActivityId()));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aFiledReportWaitsForAFactCheckerToTriageItWithinADay() {
        ProcessInstance triage = file();

        assertThat(triage).hasPassed(START_REPORT_FILED).isWaitingAt(TASK_TRIAGE_REPORT);
        Task task = task(triage);
        assertThat(task).hasName("Triage report").hasCandidateGroup(ReaderReportProcess.GROUP_FACT_CHECKERS)
                .isNotAssigned().hasDueDate(Date.from(NOW.plus(Duration.ofDays(1))));
        assertThat(task.getPriority()).isEqualTo(50);
        assertThat(triageListener.events).containsExactly("create");
        assertThat(ClaimReviewProcess.groupOf(task.getTaskDefinitionKey()))
                .contains(ReaderReportProcess.GROUP_FACT_CHECKERS);
    }

    @Test
    void anAcceptedReportEndsAsAccepted() {
        ProcessInstance triage = file();

        triage(triage, Triage.ACCEPT);

        assertThat(triage).hasPassedInOrder(TASK_TRIAGE_REPORT, GATEWAY_TRIAGE, END_REPORT_ACCEPTED).isEnded();
        assertThat(triageListener.events).containsExactly("create", "update:fiona", "assignment:fiona",
                "complete:fiona");
        assertThat(ends).containsExactly(REPORT_ID + "@" + END_REPORT_ACCEPTED);
    }

    @Test
    void aMergedReportEndsAsMerged() {
        ProcessInstance triage = file();

        triage(triage, Triage.MERGE);

        assertThat(triage).hasPassed(END_REPORT_MERGED).hasNotPassed(END_REPORT_ACCEPTED, END_REPORT_DISMISSED)
                .isEnded();
        assertThat(ends).containsExactly(REPORT_ID + "@" + END_REPORT_MERGED);
    }

    @Test
    void aDismissedReportEndsAsDismissed() {
        ProcessInstance triage = file();

        triage(triage, Triage.DISMISS);

        assertThat(triage).hasPassed(END_REPORT_DISMISSED).hasNotPassed(END_REPORT_ACCEPTED, END_REPORT_MERGED)
                .isEnded();
        assertThat(ends).containsExactly(REPORT_ID + "@" + END_REPORT_DISMISSED);
    }

    @Test
    void anOutcomeTheModelDoesNotKnowLeavesTheTaskOpen() {
        ProcessInstance triage = file();
        Task task = task(triage);

        // In FactDesk the listener refuses it first; the model itself has no way out for it either.
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(Var.OUTCOME, "IGNORE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(triage).isWaitingAt(TASK_TRIAGE_REPORT);
        assertThat(ends).isEmpty();
    }

    private ProcessInstance file() {
        return runtimeService.startProcessInstanceByKey(ReaderReportProcess.PROCESS_ID, REPORT_ID,
                Map.of(Var.REPORT_ID, Long.parseLong(REPORT_ID), Var.ARTICLE_ID, 3L));
    }

    private void triage(ProcessInstance triage, Triage outcome) {
        Task task = task(triage);
        taskService.claim(task.getId(), "fiona");
        taskService.complete(task.getId(), Map.of(Var.OUTCOME, outcome.name()));
    }
}
