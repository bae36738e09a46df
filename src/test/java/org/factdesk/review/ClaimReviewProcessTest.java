package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_TEXT_CHANGED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CLAIM_DISMISSED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CORRECTION_PUBLISHED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CORRECTION_REJECTED;
import static org.factdesk.review.ClaimReviewProcess.Element.START_CLAIM_FLAGGED;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_PUBLISH_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_ROUTE_CLAIM;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_VERIFY_CLAIM;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.form.type.EnumFormType;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.factdesk.review.ClaimReviewProcess.Bean;
import org.factdesk.review.ClaimReviewProcess.Decision;
import org.factdesk.review.ClaimReviewProcess.Var;
import org.factdesk.review.ClaimReviewProcess.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs every path of the ClaimReview process, with its real routing decision, on an in-memory engine whose Spring
 * beans are replaced by recording fakes.
 */
@Deployment(resources = {ClaimReviewProcess.RESOURCE, ClaimReviewProcess.ROUTING_RESOURCE})
class ClaimReviewProcessTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final String CLAIM_ID = "claim-42";
    private static final String FACT_CHECKER = "fiona";
    private static final String OTHER_FACT_CHECKER = "felix";
    private static final String EDITOR = "edgar";

    // An engine of its own, named and on its own H2 database, so it cannot meet the Spring Boot tests' engine.
    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(buildEngine())
            .ensureCleanAfterTest(true)
            .build();

    private final RecordingTaskListener verifyClaimListener = new RecordingTaskListener();
    private final RecordingTaskListener approveCorrectionListener = new RecordingTaskListener();
    private final RecordingPublisher publisher = new RecordingPublisher();

    private ProcessEngine processEngine;
    private RuntimeService runtimeService;
    private TaskService taskService;
    private ManagementService managementService;
    private HistoryService historyService;
    private FormService formService;

    private static ProcessEngine buildEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("claim-review-process-test");
        configuration.setJdbcUrl("jdbc:h2:mem:claim-review-process-test;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        return configuration.buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        extension.getProcessEngine().close();
    }

    @BeforeEach
    void setUp() {
        processEngine = extension.getProcessEngine();
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        managementService = processEngine.getManagementService();
        historyService = processEngine.getHistoryService();
        formService = processEngine.getFormService();
        // With a Spring Boot engine registered in the same JVM, assert must be told which engine to use.
        BpmnAwareTests.init(processEngine);
        extension.setCurrentTime(Date.from(NOW));
        Mocks.register(Bean.VERIFY_CLAIM_LISTENER, verifyClaimListener);
        Mocks.register(Bean.APPROVE_CORRECTION_LISTENER, approveCorrectionListener);
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, publisher);
        Mocks.register(Bean.REVIEW_DEADLINES, new FixedReviewDeadlines());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void exploreListenerEvents() {
        ProcessInstance claim = flag("FACTUAL", "HIGH");
        Task task = task(claim);
        System.out.println("EXPLORE after create: " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.claim(task.getId(), FACT_CHECKER);
        System.out.println("EXPLORE claim(x): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.claim(task.getId(), null);
        System.out.println("EXPLORE claim(null): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setAssignee(task.getId(), FACT_CHECKER);
        System.out.println("EXPLORE setAssignee(x): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setAssignee(task.getId(), FACT_CHECKER);
        System.out.println("EXPLORE setAssignee(same x): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setAssignee(task.getId(), OTHER_FACT_CHECKER);
        System.out.println("EXPLORE setAssignee(y): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setAssignee(task.getId(), null);
        System.out.println("EXPLORE setAssignee(null): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setVariableLocal(task.getId(), "x", "y");
        System.out.println("EXPLORE setVariableLocal: " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.setVariable(task.getId(), "x2", "y");
        System.out.println("EXPLORE setVariable (process scope): " + verifyClaimListener.events);
        verifyClaimListener.events.clear();
        taskService.claim(task.getId(), FACT_CHECKER);
        verifyClaimListener.events.clear();
        complete(task, withVariables(Var.VERDICT, "ERROR_CONFIRMED", Var.VERIFIED_BY, FACT_CHECKER));
        System.out.println("EXPLORE complete: " + verifyClaimListener.events);
        System.out.println("EXPLORE approve after create: " + approveCorrectionListener.events);
        approveCorrectionListener.events.clear();
        complete(task(claim), withVariables(Var.DECISION, "RETURN"));
        System.out.println("EXPLORE approve complete: " + approveCorrectionListener.events);
        System.out.println("EXPLORE verify after return: " + verifyClaimListener.events);
        System.out.println("EXPLORE vars: " + runtimeService.getVariablesTyped(claim.getId()));
        runtimeService.deleteProcessInstance(claim.getId(), "explore");
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private ProcessInstance flag(String category, String severity) {
        return runtimeService.startProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID, CLAIM_ID,
                Variables.createVariables()
                        .putValue(Var.CLAIM_ID, CLAIM_ID)
                        .putValue(Var.ARTICLE_ID, "article-7")
                        .putValue(Var.CATEGORY, category)
                        .putValue(Var.SEVERITY, severity)
                        .putValue(Var.FLAGGED_BY, "flora"));
    }

    /** A task listener that remembers which events it saw and who was assigned at the time. */
    static final class RecordingTaskListener implements TaskListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            events.add(task.getEventName() + (task.getAssignee() == null ? "" : ":" + task.getAssignee()));
        }
    }

    /** A publication delegate that counts its calls and can be told to find the text changed. */
    static final class RecordingPublisher implements JavaDelegate {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            calls.incrementAndGet();
        }
    }

    /** Deadlines measured from the fixed test clock. */
    public static final class FixedReviewDeadlines {
        public Date dueIn(String isoDuration) {
            return Date.from(NOW.plus(Duration.parse(isoDuration)));
        }
    }
}
