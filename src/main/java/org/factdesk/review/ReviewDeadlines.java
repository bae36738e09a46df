package org.factdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.factdesk.claim.Decision;

import org.springframework.stereotype.Component;

/**
 * Turns the routing decision's review time (an ISO-8601 duration) into a task's due date and the dates of its two
 * timers, all read from FactDesk's clock, so that reminders and escalations follow the routing table. The model calls
 * it as {@code ${reviewDeadlines.dueIn(reviewDue)}}, {@code ${reviewDeadlines.remindAt(reviewDue)}} and
 * {@code ${reviewDeadlines.escalateAt(reviewDue)}} each time a review task starts. Verify claim is the exception:
 * the desk's clock runs from the flag, so a claim an editor returned is due when its first Verify claim was, and the
 * model dates that task and both its timers with {@code verifyDueIn}, {@code verifyRemindAt} and
 * {@code verifyEscalateAt}, which read that first task from the engine's history. A claim whose quote a published
 * correction moved is new work nobody could have done, and starts afresh.
 */
@Component(ClaimReviewProcess.Bean.REVIEW_DEADLINES)
public class ReviewDeadlines {

    private final Clock clock;
    private final ReviewSettings settings;

    ReviewDeadlines(Clock clock, ReviewSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public Date dueIn(String isoDuration) {
        return Date.from(due(isoDuration));
    }

    /** When the holder is reminded: the lead time before the due date, and never before now. */
    public Date remindAt(String isoDuration) {
        Instant remind = due(isoDuration).minus(settings.reminderLeadTime());
        Instant now = clock.instant();
        return Date.from(remind.isBefore(now) ? now : remind);
    }

    /** When a task still open is escalated to the desk leads: a while after its due date. */
    public Date escalateAt(String isoDuration) {
        return Date.from(due(isoDuration).plus(settings.escalateAfter()));
    }

    private Instant due(String isoDuration) {
        return clock.instant().plus(Duration.parse(isoDuration));
    }

    /** Verify claim's due date: the first Verify claim's for a claim an editor returned, else a fresh one. */
    public Date verifyDueIn(DelegateExecution execution, String isoDuration) {
        return Date.from(verifyDue(execution, isoDuration));
    }

    /**
     * When Verify claim's holder is reminded: as {@link #remindAt}, from {@link #verifyDueIn}. A returned claim whose
     * first deadline has passed reminds at once: it is overdue, and says so.
     */
    public Date verifyRemindAt(DelegateExecution execution, String isoDuration) {
        Instant remind = verifyDue(execution, isoDuration).minus(settings.reminderLeadTime());
        Instant now = clock.instant();
        return Date.from(remind.isBefore(now) ? now : remind);
    }

    /**
     * When a Verify claim still open is escalated: as {@link #escalateAt}, from {@link #verifyDueIn}, but never sooner
     * than the same grace after the return. The task is honestly overdue at once (its deadline stands, and the queue
     * shows it overdue); calling in the desk leads the moment an editor sends it back would punish the fact-checker
     * for the editor's return, so they get the grace any overdue task gets before escalation.
     */
    public Date verifyEscalateAt(DelegateExecution execution, String isoDuration) {
        Instant escalate = verifyDue(execution, isoDuration).plus(settings.escalateAfter());
        Instant earliest = clock.instant().plus(settings.escalateAfter());
        return Date.from(escalate.isBefore(earliest) ? earliest : escalate);
    }

    private Instant verifyDue(DelegateExecution execution, String isoDuration) {
        return firstVerificationDue(execution).orElseGet(() -> due(isoDuration));
    }

    /**
     * The due date of the review's first Verify claim, when this one comes back from an editor's return: the decision
     * still says RETURN while the task is being created (its listener clears it afterwards).
     */
    private static Optional<Instant> firstVerificationDue(DelegateExecution execution) {
        if (!Decision.RETURN.name().equals(String.valueOf(execution.getVariable(ClaimReviewProcess.Var.DECISION)))) {
            return Optional.empty();
        }
        List<HistoricTaskInstance> first = execution.getProcessEngineServices().getHistoryService()
                .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ClaimReviewProcess.Element.TASK_VERIFY_CLAIM)
                .orderByHistoricActivityInstanceStartTime().asc().listPage(0, 1);
        return first.stream().map(HistoricTaskInstance::getDueDate).filter(java.util.Objects::nonNull)
                .map(Date::toInstant).findFirst();
    }
}
