package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_TEXT_CHANGED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CLAIM_DISMISSED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CORRECTION_PUBLISHED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CORRECTION_BLOCKED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_CORRECTION_REJECTED;
import static org.factdesk.review.ClaimReviewProcess.Element.GATEWAY_LEGAL_REVIEW_NEEDED;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_LEGAL_REVIEW;
import static org.factdesk.review.ClaimReviewProcess.Element.START_CLAIM_FLAGGED;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_PUBLISH_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_ROUTE_CLAIM;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_VERIFY_CLAIM;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.factdesk.review.ClaimReviewProcess.Bean;
import org.factdesk.article.CorrectionKind;
import org.factdesk.claim.Decision;
import org.factdesk.claim.LegalDecision;
import org.factdesk.review.ClaimReviewProcess.Var;
import org.factdesk.claim.Verdict;
import org.factdesk.testing.ProcessTestEngines;
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
    private static final String FLAGGER = "flora";
    private static final String FACT_CHECKER = "fiona";
    private static final String OTHER_FACT_CHECKER = "felix";
    private static final String EDITOR = "edgar";
    private static final String LAWYER = "lena";

    // An engine of its own, with its own name and H2 database, so it never meets the Spring Boot tests' engine.
    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.inMemory("claim-review-process-test"))
            .ensureCleanAfterTest(true)
            .build();

    private final RecordingTaskListener verifyClaimListener = new RecordingTaskListener();
    /** Every end of a review the process-level end listener saw, as "businessKey@activity". */
    private final List<String> reviewEnds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RecordingTaskListener approveCorrectionListener = new RecordingTaskListener();
    private final RecordingTaskListener legalReviewListener = new RecordingTaskListener();
    private final RecordingPublisher publisher = new RecordingPublisher();

    private RuntimeService runtimeService;
    private TaskService taskService;
    private HistoryService historyService;
    private FormService formService;

    @AfterAll
    static void closeEngine() {
        extension.getProcessEngine().close();
    }

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = extension.getProcessEngine();
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        historyService = processEngine.getHistoryService();
        formService = processEngine.getFormService();
        // With a Spring Boot engine in the same JVM, assert cannot pick the only engine; it must be told.
        BpmnAwareTests.init(processEngine);
        extension.setCurrentTime(Date.from(NOW));
        Mocks.register(Bean.VERIFY_CLAIM_LISTENER, verifyClaimListener);
        Mocks.register(Bean.APPROVE_CORRECTION_LISTENER, approveCorrectionListener);
        Mocks.register(Bean.LEGAL_REVIEW_LISTENER, legalReviewListener);
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, publisher);
        Mocks.register(Bean.REVIEW_DEADLINES, new FixedReviewDeadlines());
        Mocks.register(Bean.REVIEW_END_LISTENER, (ExecutionListener) execution ->
                reviewEnds.add(execution.getProcessBusinessKey() + "@" + execution.getCurrentActivityId()));
        // The deadline timers' steps and the return's assignee have process tests of their own
        // (ReviewDeadlinesProcessTest); here they only need to exist.
        Mocks.register(Bean.REMIND_REVIEWER_DELEGATE, (JavaDelegate) execution -> { });
        Mocks.register(Bean.ESCALATE_REVIEW_DELEGATE, (JavaDelegate) execution -> { });
        Mocks.register(Bean.REVIEW_RETURNS, new SameVerifier());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // --- routing ----------------------------------------------------------------------------------------------

    @Test
    void routingLeavesPathPriorityAndDueAsPlainVariables() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        assertThat(review).hasPassedInOrder(START_CLAIM_FLAGGED, TASK_ROUTE_CLAIM).isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(review).variables()
                .containsEntry(Var.REVIEW_PATH, "URGENT")
                .containsEntry(Var.REVIEW_PRIORITY, 90)
                .containsEntry(Var.REVIEW_DUE, "PT2H")
                .containsEntry(Var.LEGAL_REVIEW, true)
                .containsEntry(Var.SILENT_FIX_ALLOWED, false)
                .doesNotContainKey("decisionResult");
        // An object variable would need Java serialization, which the engine refuses by default.
        VariableMap variables = runtimeService.getVariablesTyped(review.getId());
        assertThat(variables.keySet()).allSatisfy(name ->
                assertThat(variables.getValueTyped(name).getType().isPrimitiveValueType()).as(name).isTrue());
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(review.getId()).variableName("decisionResult").count()).isZero();
    }

    @Test
    void verifyClaimIsOfferedToFactCheckersWithTheRoutedDeadlineAndPriority() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        Task verification = task(review);
        assertThat(verification)
                .hasDefinitionKey(TASK_VERIFY_CLAIM)
                .hasName("Verify claim")
                .hasCandidateGroup(ClaimReviewProcess.GROUP_FACT_CHECKERS)
                .isNotAssigned()
                .hasDueDate(inFromNow(Duration.ofHours(2)));
        assertThat(verification.getPriority()).isEqualTo(90);
    }

    @Test
    void lowSeverityClaimWaitsInTheRoutineQueue() {
        ProcessInstance review = flag("TYPO", "LOW");

        assertThat(review).variables().containsEntry(Var.REVIEW_PATH, "ROUTINE")
                .containsEntry(Var.SILENT_FIX_ALLOWED, true).containsEntry(Var.LEGAL_REVIEW, false);
        assertThat(task(review)).hasDueDate(inFromNow(Duration.ofDays(2)));
        assertThat(task(review).getPriority()).isEqualTo(20);
    }

    @Test
    void claimOfAnUnknownCategoryIsRefusedAtRouting() {
        // No rule matches, so routing yields no deadline; failing the start beats a task without one.
        assertThatThrownBy(() -> flag("OPINION", "HIGH"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("decisionResult");

        assertThat(runtimeService.createProcessInstanceQuery().count()).isZero();
    }

    // --- the paths --------------------------------------------------------------------------------------------

    @Test
    void claimThatIsNotAnErrorIsDismissed() {
        ProcessInstance review = flag("NAME", "MEDIUM");

        verify(review, Verdict.NOT_AN_ERROR);

        assertThat(review).isEnded().hasPassed(END_CLAIM_DISMISSED).hasNotPassed(TASK_APPROVE_CORRECTION);
        assertThat(publisher.calls).hasValue(0);
    }

    @Test
    void theEndListenerHearsAReviewEndThroughItsEndEvent() {
        ProcessInstance review = flag("NAME", "MEDIUM");

        verify(review, Verdict.NOT_AN_ERROR);

        assertThat(reviewEnds).containsExactly(review.getBusinessKey() + "@" + END_CLAIM_DISMISSED);
    }

    @Test
    void aBpmnErrorThrownAtVerifyClaimEndsTheReviewThroughTheEndListener() {
        ProcessInstance review = flag("NAME", "MEDIUM");

        // No boundary event catches it at Verify claim: the engine ends the review there, so the end listener is
        // where FactDesk refuses such an end or records it.
        taskService.handleBpmnError(task(review).getId(), ClaimReviewProcess.ERROR_TEXT_CHANGED);

        assertThat(review).isEnded().hasNotPassed(END_CLAIM_DISMISSED, TASK_APPROVE_CORRECTION);
        assertThat(reviewEnds).containsExactly(review.getBusinessKey() + "@" + TASK_VERIFY_CLAIM);
    }

    @Test
    void confirmedErrorIsPublishedOnceAnEditorApproves() {
        ProcessInstance review = flag("NAME", "HIGH");

        verify(review, Verdict.ERROR_CONFIRMED);

        Task approval = task(review);
        assertThat(approval)
                .hasDefinitionKey(TASK_APPROVE_CORRECTION)
                .hasCandidateGroup(ClaimReviewProcess.GROUP_EDITORS)
                .isNotAssigned()
                .hasDueDate(inFromNow(Duration.ofHours(4)));
        assertThat(approval.getPriority()).isEqualTo(90);

        approve(review, Decision.APPROVE);

        // Publication is a job of its own, run after the editor's transaction has committed.
        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION);
        assertThat(publisher.calls).hasValue(0);

        execute(job(review));

        assertThat(publisher.calls).hasValue(1);
        assertThat(review).isEnded().hasPassedInOrder(
                TASK_ROUTE_CLAIM, TASK_VERIFY_CLAIM, TASK_APPROVE_CORRECTION, GATEWAY_LEGAL_REVIEW_NEEDED,
                TASK_PUBLISH_CORRECTION, END_CORRECTION_PUBLISHED).hasNotPassed(TASK_LEGAL_REVIEW);
    }

    // --- legal review -----------------------------------------------------------------------------------------

    @Test
    void aRoutineClaimIsPublishedWithoutLegalReview() {
        ProcessInstance review = flag("TYPO", "LOW");

        verify(review, Verdict.ERROR_CONFIRMED);
        approve(review, Decision.APPROVE);

        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION).hasPassed(GATEWAY_LEGAL_REVIEW_NEEDED)
                .hasNotPassed(TASK_LEGAL_REVIEW);
        execute(job(review));
        assertThat(review).isEnded().hasPassed(END_CORRECTION_PUBLISHED);
        assertThat(legalReviewListener.events).isEmpty();
    }

    @Test
    void aClaimOfLegalRiskGoesToALawyerOnceTheEditorApproves() {
        ProcessInstance review = flag("QUOTE", "HIGH");
        verify(review, Verdict.ERROR_CONFIRMED);

        approve(review, Decision.APPROVE);

        assertThat(review).isWaitingAt(TASK_LEGAL_REVIEW).hasNotPassed(TASK_PUBLISH_CORRECTION);
        Task legal = task(review);
        assertThat(legal)
                .hasName("Legal review")
                .hasCandidateGroup(ClaimReviewProcess.GROUP_LEGAL)
                .isNotAssigned()
                .hasDueDate(inFromNow(Duration.ofHours(2)));
        assertThat(legal.getPriority()).isEqualTo(90);
        assertThat(publisher.calls).hasValue(0);
    }

    @Test
    void aClearedUpdateIsPublished() {
        ProcessInstance review = startBefore(TASK_LEGAL_REVIEW);

        legal(review, LegalDecision.CLEAR);

        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION);
        execute(job(review));
        assertThat(publisher.calls).hasValue(1);
        assertThat(review).isEnded().hasPassedInOrder(TASK_LEGAL_REVIEW, TASK_PUBLISH_CORRECTION,
                END_CORRECTION_PUBLISHED);
    }

    @Test
    void anUpdateWhoseNoticeTheLawyerRewroteIsPublished() {
        ProcessInstance review = startBefore(TASK_LEGAL_REVIEW);

        legal(review, LegalDecision.REWRITE);

        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION);
        execute(job(review));
        assertThat(review).isEnded().hasPassed(END_CORRECTION_PUBLISHED);
        assertThat(publisher.calls).hasValue(1);
    }

    @Test
    void aBlockedUpdateEndsWithoutPublication() {
        ProcessInstance review = startBefore(TASK_LEGAL_REVIEW);

        legal(review, LegalDecision.BLOCK);

        assertThat(review).isEnded().hasPassed(END_CORRECTION_BLOCKED).hasNotPassed(TASK_PUBLISH_CORRECTION);
        assertThat(publisher.calls).hasValue(0);
        assertThat(reviewEnds).containsExactly(review.getBusinessKey() + "@" + END_CORRECTION_BLOCKED);
    }

    @Test
    void legalReviewFormAsksForADecisionTheRewrittenNoticeAndAReason() {
        ProcessInstance review = startBefore(TASK_LEGAL_REVIEW);

        List<FormField> fields = formService.getTaskFormData(task(review).getId()).getFormFields();

        assertThat(fields).extracting(FormField::getId)
                .containsExactly(Var.LEGAL_DECISION, Var.LEGAL_NOTICE, Var.LEGAL_COMMENT);
        assertThat(enumValues(fields.get(0))).containsOnlyKeys(names(LegalDecision.values()));
    }

    @Test
    void theLegalListenerHearsItsTaskCreatedClaimedCompletedAndDeleted() {
        ProcessInstance cleared = startBefore(TASK_LEGAL_REVIEW);
        ProcessInstance ended = startBefore(TASK_LEGAL_REVIEW);

        legal(cleared, LegalDecision.CLEAR);
        runtimeService.deleteProcessInstance(ended.getId(), "ended by an admin");

        assertThat(legalReviewListener.events).containsExactly("create", "create", "update:" + LAWYER,
                "assignment:" + LAWYER, "complete:" + LAWYER, "delete");
    }

    @Test
    void clarificationIsPublishedOnceAnEditorApproves() {
        ProcessInstance review = flag("NUMBER", "MEDIUM");

        verify(review, Verdict.CLARIFICATION_NEEDED);
        assertThat(review).isWaitingAt(TASK_APPROVE_CORRECTION);
        approve(review, Decision.APPROVE);
        execute(job(review));

        assertThat(publisher.calls).hasValue(1);
        assertThat(review).isEnded().hasPassed(END_CORRECTION_PUBLISHED);
    }

    @Test
    void returnedCorrectionGoesBackToTheVerifier() {
        ProcessInstance review = flag("QUOTE", "MEDIUM");
        verify(review, Verdict.ERROR_CONFIRMED);

        approve(review, Decision.RETURN);

        assertThat(review).isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(task(review))
                .isAssignedTo(FACT_CHECKER)
                // hasCandidateGroup would only find the task while it is unassigned.
                .hasCandidateGroupAssociated(ClaimReviewProcess.GROUP_FACT_CHECKERS)
                .hasDueDate(inFromNow(Duration.ofHours(8)));

        verify(review, Verdict.ERROR_CONFIRMED);
        approve(review, Decision.APPROVE);
        execute(job(review));

        assertThat(review).isEnded().hasPassed(END_CORRECTION_PUBLISHED);
        assertThat(historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(review.getId()).taskDefinitionKey(TASK_VERIFY_CLAIM).count()).isEqualTo(2);
    }

    @Test
    void rejectedCorrectionEndsWithoutPublication() {
        ProcessInstance review = startBefore(TASK_APPROVE_CORRECTION);

        approve(review, Decision.REJECT);

        assertThat(review).isEnded().hasPassed(END_CORRECTION_REJECTED).hasNotPassed(TASK_PUBLISH_CORRECTION);
        assertThat(publisher.calls).hasValue(0);
    }

    @Test
    void changedTextSendsTheClaimBackToTheVerifier() {
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, (JavaDelegate) execution -> {
            throw new BpmnError(ClaimReviewProcess.ERROR_TEXT_CHANGED);
        });
        ProcessInstance review = startBefore(TASK_PUBLISH_CORRECTION);

        execute(job(review));

        assertThat(review).hasPassed(BOUNDARY_TEXT_CHANGED).hasNotPassed(END_CORRECTION_PUBLISHED)
                .isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(task(review)).isAssignedTo(FACT_CHECKER);
    }

    @Test
    void failedPublicationIsRetriedFiveTimesAMinuteApart() {
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, (JavaDelegate) execution -> {
            throw new IllegalStateException("article store unavailable");
        });
        ProcessInstance review = startBefore(TASK_PUBLISH_CORRECTION);

        assertThatThrownBy(() -> execute(job(review))).hasMessageContaining("article store unavailable");

        // R5/PT1M: five attempts in all, so four are left after the first failure, the next one a minute later.
        assertThat(job(review)).hasRetries(4).hasExceptionMessage().hasDueDate(inFromNow(Duration.ofMinutes(1)));
        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION);
    }

    // --- forms and listeners ----------------------------------------------------------------------------------

    @Test
    void verifyClaimFormAsksForAVerdictAndTheCorrection() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        List<FormField> fields = formService.getTaskFormData(task(review).getId()).getFormFields();

        assertThat(fields).extracting(FormField::getId)
                .containsExactly(Var.VERDICT, Var.REPLACEMENT, Var.NOTICE, Var.NOTE, Var.KIND);
        assertThat(enumValues(fields.get(0))).containsOnlyKeys(names(Verdict.values()));
        assertThat(enumValues(fields.get(4))).containsOnlyKeys(names(CorrectionKind.values()));
    }

    @Test
    void approveCorrectionFormAsksForADecision() {
        ProcessInstance review = startBefore(TASK_APPROVE_CORRECTION);

        List<FormField> fields = formService.getTaskFormData(task(review).getId()).getFormFields();

        assertThat(fields).extracting(FormField::getId).containsExactly(Var.DECISION, Var.COMMENT, Var.KIND);
        assertThat(enumValues(fields.get(0))).containsOnlyKeys(names(Decision.values()));
        assertThat(enumValues(fields.get(2))).containsOnlyKeys(names(CorrectionKind.values()));
    }

    @Test
    void listenersHearTheirTasksCreatedClaimedAndCompleted() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        verify(review, Verdict.ERROR_CONFIRMED);
        approve(review, Decision.APPROVE);

        assertThat(verifyClaimListener.events)
                .containsExactly("create", "update:" + FACT_CHECKER, "assignment:" + FACT_CHECKER, "complete:" + FACT_CHECKER);
        assertThat(approveCorrectionListener.events)
                .containsExactly("create", "update:" + EDITOR, "assignment:" + EDITOR, "complete:" + EDITOR);
    }

    @Test
    void endingAReviewAtEitherTaskTellsThatTasksListenerItIsGone() {
        ProcessInstance atVerify = flag("FACTUAL", "HIGH");
        ProcessInstance atApproval = flag("FACTUAL", "HIGH");
        verify(atApproval, Verdict.ERROR_CONFIRMED);

        runtimeService.deleteProcessInstance(atVerify.getId(), "ended by an admin");
        runtimeService.deleteProcessInstance(atApproval.getId(), "ended by an admin");

        // The listener removes the task from FactDesk's table of open tasks on this event.
        assertThat(verifyClaimListener.events).containsExactly("create", "create", "update:" + FACT_CHECKER,
                "assignment:" + FACT_CHECKER, "complete:" + FACT_CHECKER, "delete");
        assertThat(approveCorrectionListener.events).containsExactly("create", "delete");
    }

    // The next four pin down what the engine tells a task listener, which the Spring listeners rely on.

    @Test
    void claimingFiresUpdateThenAssignmentWithTheNewAssigneeAlreadySet() {
        Task verification = task(flag("FACTUAL", "HIGH"));
        verifyClaimListener.events.clear();

        taskService.claim(verification.getId(), FACT_CHECKER);
        taskService.setAssignee(verification.getId(), OTHER_FACT_CHECKER);

        assertThat(verifyClaimListener.events).containsExactly(
                "update:" + FACT_CHECKER, "assignment:" + FACT_CHECKER,
                "update:" + OTHER_FACT_CHECKER, "assignment:" + OTHER_FACT_CHECKER);
    }

    @Test
    void unclaimingFiresUpdateThenAssignmentWithoutAssignee() {
        Task verification = task(flag("FACTUAL", "HIGH"));
        taskService.claim(verification.getId(), FACT_CHECKER);
        verifyClaimListener.events.clear();

        taskService.claim(verification.getId(), null);
        List<String> heardOnUnclaim = List.copyOf(verifyClaimListener.events);
        taskService.setAssignee(verification.getId(), FACT_CHECKER);
        verifyClaimListener.events.clear();
        taskService.setAssignee(verification.getId(), null);
        List<String> heardOnNullAssignee = List.copyOf(verifyClaimListener.events);

        assertThat(heardOnUnclaim).containsExactly("update", "assignment");
        assertThat(heardOnNullAssignee).containsExactly("update", "assignment");
        assertThat(taskService.createTaskQuery().taskId(verification.getId()).singleResult()).isNotAssigned();
    }

    @Test
    void settingTheSameAssigneeAgainOrATaskVariableFiresOnlyUpdate() {
        Task verification = task(flag("FACTUAL", "HIGH"));
        taskService.claim(verification.getId(), FACT_CHECKER);
        verifyClaimListener.events.clear();

        taskService.setAssignee(verification.getId(), FACT_CHECKER);
        taskService.setVariableLocal(verification.getId(), "draft", "said on Tuesday");

        assertThat(verifyClaimListener.events).containsExactly("update:" + FACT_CHECKER, "update:" + FACT_CHECKER);
    }

    @Test
    void returnedTaskIsCreatedAssignedAndFiresCreateThenAssignment() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        verify(review, Verdict.ERROR_CONFIRMED);
        verifyClaimListener.events.clear();

        approve(review, Decision.RETURN);

        assertThat(verifyClaimListener.events)
                .containsExactly("create:" + FACT_CHECKER, "assignment:" + FACT_CHECKER);
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private ProcessInstance flag(String category, String severity) {
        return runtimeService.startProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID, CLAIM_ID,
                claimVariables().putValue(Var.CATEGORY, category).putValue(Var.SEVERITY, severity));
    }

    /** Starts a review mid-way, with the variables routing and verification would have left. */
    private ProcessInstance startBefore(String activityId) {
        return runtimeService.createProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID)
                .businessKey(CLAIM_ID)
                .setVariables(claimVariables()
                        .putValue(Var.CATEGORY, "QUOTE")
                        .putValue(Var.SEVERITY, "MEDIUM")
                        .putValue(Var.REVIEW_PATH, "STANDARD")
                        .putValue(Var.REVIEW_PRIORITY, 60)
                        .putValue(Var.REVIEW_DUE, "PT8H")
                        .putValue(Var.LEGAL_REVIEW, TASK_LEGAL_REVIEW.equals(activityId))
                        .putValue(Var.SILENT_FIX_ALLOWED, false)
                        .putValue(Var.DECISION, Decision.APPROVE.name())
                        .putValue(Var.APPROVED_BY, EDITOR)
                        .putValue(Var.VERDICT, Verdict.ERROR_CONFIRMED.name())
                        .putValue(Var.REPLACEMENT, "said on Tuesday")
                        .putValue(Var.NOTICE, "An earlier version misdated the quote.")
                        .putValue(Var.VERIFIED_BY, FACT_CHECKER))
                .startBeforeActivity(activityId)
                .execute();
    }

    private static VariableMap claimVariables() {
        return Variables.createVariables()
                .putValue(Var.CLAIM_ID, CLAIM_ID)
                .putValue(Var.ARTICLE_ID, "article-7")
                .putValue(Var.FLAGGED_BY, FLAGGER);
    }

    /** The fact-checker claims Verify claim and completes it; the Spring task API records the verifier the same way. */
    private void verify(ProcessInstance review, Verdict verdict) {
        Task verification = claim(task(review), FACT_CHECKER);
        complete(verification, withVariables(
                Var.VERDICT, verdict.name(),
                Var.REPLACEMENT, "said on Tuesday",
                Var.NOTICE, "An earlier version misdated the quote.",
                Var.VERIFIED_BY, FACT_CHECKER));
    }

    private void approve(ProcessInstance review, Decision decision) {
        Task approval = claim(task(review), EDITOR);
        complete(approval, withVariables(Var.DECISION, decision.name(), Var.COMMENT, "checked", Var.APPROVED_BY, EDITOR));
    }

    private void legal(ProcessInstance review, LegalDecision decision) {
        Task legal = claim(task(review), LAWYER);
        complete(legal, withVariables(Var.LEGAL_DECISION, decision.name(), Var.LEGAL_NOTICE,
                "An earlier version of this article misattributed a quote.", Var.LEGAL_COMMENT, "checked"));
    }

    private static Date inFromNow(Duration duration) {
        return Date.from(NOW.plus(duration));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> enumValues(FormField field) {
        assertThat(field.getTypeName()).isEqualTo("enum");
        return (Map<String, String>) field.getType().getInformation("values");
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    /** A task listener that remembers each event it hears and who was assigned at that moment. */
    static final class RecordingTaskListener implements TaskListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            events.add(task.getAssignee() == null ? task.getEventName() : task.getEventName() + ":" + task.getAssignee());
        }
    }

    /** A publication delegate that only counts its calls. */
    static final class RecordingPublisher implements JavaDelegate {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void execute(DelegateExecution execution) {
            calls.incrementAndGet();
        }
    }

    /** Deadlines counted from the fixed test clock; public because the model calls it through an expression. */
    public static final class FixedReviewDeadlines {
        public Date dueIn(String isoDuration) {
            return Date.from(NOW.plus(Duration.parse(isoDuration)));
        }

        public Date remindAt(String isoDuration) {
            return dueIn(isoDuration);
        }

        public Date escalateAt(String isoDuration) {
            return Date.from(NOW.plus(Duration.parse(isoDuration)).plus(Duration.ofHours(1)));
        }

        public Date verifyDueIn(Object execution, String isoDuration) {
            return dueIn(isoDuration);
        }

        public Date verifyRemindAt(Object execution, String isoDuration) {
            return remindAt(isoDuration);
        }

        public Date verifyEscalateAt(Object execution, String isoDuration) {
            return escalateAt(isoDuration);
        }
    }

    /** A returned claim goes back to whoever verified it; public because the model calls it through an expression. */
    public static final class SameVerifier {
        public String verifierFor(Object verifiedBy) {
            return (String) verifiedBy;
        }
    }
}
