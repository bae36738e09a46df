package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_APPROVAL_OVERDUE;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_APPROVAL_REMINDER;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_VERIFY_OVERDUE;
import static org.factdesk.review.ClaimReviewProcess.Element.BOUNDARY_VERIFY_REMINDER;
import static org.factdesk.review.ClaimReviewProcess.Element.END_APPROVAL_ESCALATED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_APPROVER_REMINDED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_VERIFICATION_ESCALATED;
import static org.factdesk.review.ClaimReviewProcess.Element.END_VERIFIER_REMINDED;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_ESCALATE_APPROVAL;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_ESCALATE_VERIFICATION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_PUBLISH_CORRECTION;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_REMIND_APPROVER;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_REMIND_VERIFIER;
import static org.factdesk.review.ClaimReviewProcess.Element.TASK_VERIFY_CLAIM;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.factdesk.claim.Decision;
import org.factdesk.claim.Verdict;
import org.factdesk.review.ClaimReviewProcess.Bean;
import org.factdesk.review.ClaimReviewProcess.Var;
import org.factdesk.testing.ProcessTestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the review tasks' deadline timers, driven by Camunda's clock: "Due soon" reminds, "Overdue"
 * escalates, a task finished in time hears neither, a claim an editor returned keeps its first Verify
 * claim's deadline (the desk's clock runs from the flag), and one whose text changed starts with fresh timers.
 * The timers' dates come from FactDesk's own {@link ReviewDeadlines} with its default
 * settings (remind 30 minutes before the due date, escalate an hour after it), reading the engine's clock.
 */
@Deployment(resources = {ClaimReviewProcess.RESOURCE, ClaimReviewProcess.ROUTING_RESOURCE})
class ReviewDeadlinesProcessTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final String CLAIM_ID = "claim-43";
    private static final String FACT_CHECKER = "fiona";
    private static final String EDITOR = "edgar";
    private static final Duration LEAD = Duration.ofMinutes(30);
    private static final Duration AFTER = Duration.ofHours(1);

    @RegisterExtension
    static final ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .useProcessEngine(ProcessTestEngines.inMemory("review-deadlines-process-test"))
            .ensureCleanAfterTest(true)
            .build();

    /** What the deadline steps were asked to do, as "claim@step". */
    private final List<String> reminded = new CopyOnWriteArrayList<>();
    private final List<String> escalated = new CopyOnWriteArrayList<>();

    private RuntimeService runtimeService;
    private ManagementService managementService;

    @AfterAll
    static void closeEngine() {
        extension.getProcessEngine().close();
    }

    @BeforeEach
    void setUp() {
        ProcessEngine processEngine = extension.getProcessEngine();
        runtimeService = processEngine.getRuntimeService();
        managementService = processEngine.getManagementService();
        BpmnAwareTests.init(processEngine);
        extension.setCurrentTime(Date.from(NOW));
        TaskListener quiet = task -> { };
        Mocks.register(Bean.VERIFY_CLAIM_LISTENER, quiet);
        Mocks.register(Bean.APPROVE_CORRECTION_LISTENER, quiet);
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, (JavaDelegate) execution -> { });
        Mocks.register(Bean.REVIEW_END_LISTENER, (ExecutionListener) execution -> { });
        Mocks.register(Bean.REVIEW_RETURNS, new ClaimReviewProcessTest.SameVerifier());
        // The real deadlines, reading the engine's clock as FactDesk's reads the system's.
        Mocks.register(Bean.REVIEW_DEADLINES, new ReviewDeadlines(new EngineClock(), ReviewSettings.defaults()));
        Mocks.register(Bean.REMIND_REVIEWER_DELEGATE, recording(reminded));
        Mocks.register(Bean.ESCALATE_REVIEW_DELEGATE, recording(escalated));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    @Test
    void verifyClaimGetsADueSoonAndAnOverdueTimerFromItsRoutedDeadline() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        // URGENT: due in two hours; reminded half an hour before, escalated an hour after.
        assertThat(timers(review)).containsOnly(
                Map.entry(BOUNDARY_VERIFY_REMINDER, NOW.plus(Duration.ofHours(2)).minus(LEAD)),
                Map.entry(BOUNDARY_VERIFY_OVERDUE, NOW.plus(Duration.ofHours(2)).plus(AFTER)));
        assertThat(task(review).getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(2))));
    }

    @Test
    void theDueSoonTimerRemindsAndLeavesTheTaskOpen() {
        ProcessInstance review = flag("FACTUAL", "HIGH");

        moveTo(NOW.plus(Duration.ofMinutes(90)));
        assertThat(runDueTimers()).isEqualTo(1);

        assertThat(reminded).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
        assertThat(escalated).isEmpty();
        assertThat(review).hasPassed(BOUNDARY_VERIFY_REMINDER, TASK_REMIND_VERIFIER, END_VERIFIER_REMINDED)
                .isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(timers(review)).containsOnlyKeys(BOUNDARY_VERIFY_OVERDUE);
    }

    @Test
    void theOverdueTimerEscalatesATaskStillOpenAfterTheReminder() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        moveTo(NOW.plus(Duration.ofMinutes(90)));
        runDueTimers();

        moveTo(NOW.plus(Duration.ofHours(3)).minusSeconds(1));
        assertThat(runDueTimers()).as("not yet an hour overdue").isZero();
        moveTo(NOW.plus(Duration.ofHours(3)));
        assertThat(runDueTimers()).isEqualTo(1);

        assertThat(escalated).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
        assertThat(review).hasPassed(BOUNDARY_VERIFY_OVERDUE, TASK_ESCALATE_VERIFICATION, END_VERIFICATION_ESCALATED)
                .isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(timers(review)).isEmpty();
        // Escalated, the task is still the fact-checker's to finish.
        verify(review, Verdict.ERROR_CONFIRMED);
        assertThat(review).isWaitingAt(TASK_APPROVE_CORRECTION);
    }

    @Test
    void aTaskFinishedBeforeItsTimersHearsNeither() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        moveTo(NOW.plus(Duration.ofHours(1)));

        verify(review, Verdict.ERROR_CONFIRMED);
        // Past Verify claim's own reminder and escalation, but before the approval's (counted from its start).
        moveTo(NOW.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(20)));

        assertThat(runDueTimers()).isZero();
        assertThat(reminded).isEmpty();
        assertThat(escalated).isEmpty();
        assertThat(review).hasNotPassed(TASK_REMIND_VERIFIER, TASK_ESCALATE_VERIFICATION);
        assertThat(timers(review)).containsOnlyKeys(BOUNDARY_APPROVAL_REMINDER, BOUNDARY_APPROVAL_OVERDUE);
    }

    @Test
    void approveCorrectionRemindsThenEscalates() {
        ProcessInstance review = flag("QUOTE", "MEDIUM");
        verify(review, Verdict.ERROR_CONFIRMED);
        Instant approvalStarted = NOW;

        // STANDARD: due in eight hours.
        assertThat(timers(review)).containsOnly(
                Map.entry(BOUNDARY_APPROVAL_REMINDER, approvalStarted.plus(Duration.ofHours(8)).minus(LEAD)),
                Map.entry(BOUNDARY_APPROVAL_OVERDUE, approvalStarted.plus(Duration.ofHours(8)).plus(AFTER)));
        moveTo(approvalStarted.plus(Duration.ofHours(8)).minus(LEAD));
        runDueTimers();
        moveTo(approvalStarted.plus(Duration.ofHours(9)));
        runDueTimers();

        assertThat(reminded).containsExactly(CLAIM_ID + "@" + TASK_APPROVE_CORRECTION);
        assertThat(escalated).containsExactly(CLAIM_ID + "@" + TASK_APPROVE_CORRECTION);
        assertThat(review).hasPassed(TASK_REMIND_APPROVER, END_APPROVER_REMINDED, TASK_ESCALATE_APPROVAL,
                END_APPROVAL_ESCALATED).isWaitingAt(TASK_APPROVE_CORRECTION);
        approve(review, Decision.APPROVE);
        assertThat(review).isWaitingAt(TASK_PUBLISH_CORRECTION);
    }

    @Test
    void aReturnedVerificationKeepsTheFirstVerificationsDeadlineAndItsTimers() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        Instant firstDue = NOW.plus(Duration.ofHours(2));
        moveTo(NOW.plus(Duration.ofMinutes(20)));
        verify(review, Verdict.ERROR_CONFIRMED);
        Instant returnedAt = NOW.plus(Duration.ofMinutes(40));
        moveTo(returnedAt);

        approve(review, Decision.RETURN);

        assertThat(review).isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(task(review).getDueDate().toInstant()).isEqualTo(firstDue);
        assertThat(timers(review)).containsOnly(
                Map.entry(BOUNDARY_VERIFY_REMINDER, firstDue.minus(LEAD)),
                Map.entry(BOUNDARY_VERIFY_OVERDUE, firstDue.plus(AFTER)));
        moveTo(firstDue.minus(LEAD));
        assertThat(runDueTimers()).isEqualTo(1);
        assertThat(reminded).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
    }

    @Test
    void aVerificationReturnedAfterItsDeadlineIsOverdueAtOnceAndEscalatedOnlyAfterTheGrace() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        Instant firstDue = NOW.plus(Duration.ofHours(2));
        moveTo(NOW.plus(Duration.ofMinutes(90)));
        runDueTimers();
        verify(review, Verdict.ERROR_CONFIRMED);
        Instant returnedAt = NOW.plus(Duration.ofHours(4));
        moveTo(returnedAt);

        approve(review, Decision.RETURN);

        assertThat(review).isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(task(review).getDueDate().toInstant()).isEqualTo(firstDue).isBefore(returnedAt);
        assertThat(timers(review)).containsOnly(
                Map.entry(BOUNDARY_VERIFY_REMINDER, returnedAt),
                Map.entry(BOUNDARY_VERIFY_OVERDUE, returnedAt.plus(AFTER)));
        assertThat(runDueTimers()).isEqualTo(1);
        assertThat(reminded).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM, CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
        assertThat(escalated).isEmpty();
        moveTo(returnedAt.plus(AFTER));
        assertThat(runDueTimers()).isEqualTo(1);
        assertThat(escalated).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
    }

    @Test
    void aSecondReturnStillKeepsTheFirstDeadline() {
        ProcessInstance review = flag("FACTUAL", "HIGH");
        Instant firstDue = NOW.plus(Duration.ofHours(2));
        verify(review, Verdict.ERROR_CONFIRMED);
        approve(review, Decision.RETURN);
        moveTo(NOW.plus(Duration.ofMinutes(30)));
        verify(review, Verdict.ERROR_CONFIRMED);
        // Approve correction's own deadline is fresh each round: the editor's clock runs from the verdict.
        assertThat(task(review).getDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(30))
                .plus(Duration.ofHours(2)));
        moveTo(NOW.plus(Duration.ofMinutes(50)));

        approve(review, Decision.RETURN);

        assertThat(task(review).getDueDate().toInstant()).isEqualTo(firstDue);
    }

    @Test
    void aClaimWhoseTextChangedIsVerifiedAgainWithFreshTimers() {
        Mocks.register(Bean.PUBLISH_CORRECTION_DELEGATE, (JavaDelegate) execution -> {
            throw new BpmnError(ClaimReviewProcess.ERROR_TEXT_CHANGED);
        });
        ProcessInstance review = flag("QUOTE", "MEDIUM");
        verify(review, Verdict.ERROR_CONFIRMED);
        approve(review, Decision.APPROVE);
        Instant changedAt = NOW.plus(Duration.ofHours(5));
        moveTo(changedAt);

        managementService.executeJob(managementService.createJobQuery().processInstanceId(review.getId())
                .activityId(TASK_PUBLISH_CORRECTION).singleResult().getId());

        assertThat(review).isWaitingAt(TASK_VERIFY_CLAIM);
        assertThat(timers(review)).containsOnly(
                Map.entry(BOUNDARY_VERIFY_REMINDER, changedAt.plus(Duration.ofHours(8)).minus(LEAD)),
                Map.entry(BOUNDARY_VERIFY_OVERDUE, changedAt.plus(Duration.ofHours(8)).plus(AFTER)));
    }

    @Test
    void aLeadTimeLongerThanTheReviewTimeRemindsAtOnce() {
        Mocks.register(Bean.REVIEW_DEADLINES, new ReviewDeadlines(new EngineClock(),
                new ReviewSettings(Duration.ofHours(3), AFTER, 20, 10, Duration.ofMinutes(5))));

        ProcessInstance review = flag("FACTUAL", "HIGH");

        assertThat(timers(review)).containsEntry(BOUNDARY_VERIFY_REMINDER, NOW);
        assertThat(runDueTimers()).isEqualTo(1);
        assertThat(reminded).containsExactly(CLAIM_ID + "@" + TASK_VERIFY_CLAIM);
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private ProcessInstance flag(String category, String severity) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.CLAIM_ID, CLAIM_ID)
                .putValue(Var.ARTICLE_ID, "article-8")
                .putValue(Var.FLAGGED_BY, "flora")
                .putValue(Var.CATEGORY, category)
                .putValue(Var.SEVERITY, severity);
        return runtimeService.startProcessInstanceByKey(ClaimReviewProcess.PROCESS_ID, CLAIM_ID, variables);
    }

    private void verify(ProcessInstance review, Verdict verdict) {
        Task verification = claim(task(review), FACT_CHECKER);
        complete(verification, withVariables(Var.VERDICT, verdict.name(), Var.REPLACEMENT, "said on Tuesday",
                Var.NOTICE, "An earlier version misdated the quote.", Var.VERIFIED_BY, FACT_CHECKER));
    }

    private void approve(ProcessInstance review, Decision decision) {
        Task approval = claim(task(review), EDITOR);
        complete(approval, withVariables(Var.DECISION, decision.name(), Var.COMMENT, "checked"));
    }

    private void moveTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** The review's waiting timers: the boundary event each belongs to, and when it fires. */
    private Map<String, Instant> timers(ProcessInstance review) {
        Map<String, Instant> timers = new TreeMap<>();
        for (Job job : managementService.createJobQuery().processInstanceId(review.getId()).timers().list()) {
            String boundaryEvent = managementService.createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            timers.put(boundaryEvent, job.getDuedate().toInstant());
        }
        return timers;
    }

    /** Runs the timers that are due at the engine's clock, as the job executor would; how many ran. */
    private int runDueTimers() {
        List<Job> due = managementService.createJobQuery().timers().executable().orderByJobDuedate().asc().list();
        due.forEach(job -> managementService.executeJob(job.getId()));
        return due.size();
    }

    private static JavaDelegate recording(List<String> calls) {
        return (DelegateExecution execution) -> calls.add(execution.getProcessBusinessKey() + "@"
                + ClaimReviewProcess.deadlineStepOf(execution.getCurrentActivityId()).orElse("?"));
    }

    /** FactDesk's clock as the engine keeps it, so that deadlines and timers read the same time. */
    private static final class EngineClock extends Clock {
        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the engine's clock stays in UTC");
        }
    }
}
