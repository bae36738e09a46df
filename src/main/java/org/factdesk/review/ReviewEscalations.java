package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What a review task's deadline timers do, called by the model's thin delegates inside the timer job's transaction:
 * remind whoever holds the task (or its group) as it falls due, and escalate it once it is overdue, raising its
 * priority and letting the desk leads work it. The task is read from FactDesk's table of open tasks; each step
 * publishes its event ({@link ReviewReminded}, {@link ReviewEscalated}) for the audit log and any notifier.
 */
@Service
public class ReviewEscalations {

    private static final Logger log = LoggerFactory.getLogger(ReviewEscalations.class);

    private final OpenTasks openTasks;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewSettings settings;

    ReviewEscalations(OpenTasks openTasks, TaskService tasks, ApplicationEventPublisher events, Clock clock,
            ReviewSettings settings) {
        this.openTasks = openTasks;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    /** Reminds the holder of the claim's open {@code step}, or its group when nobody holds it. */
    void remind(long claimId, String step) {
        Optional<OpenTask> open = openTask(claimId, step);
        if (open.isEmpty()) {
            return;
        }
        OpenTask task = open.get();
        Instant now = clock.instant();
        openTasks.reminded(task.taskId(), now);
        events.publishEvent(new ReviewReminded(task.claimId(), task.articleId(), task.taskId(), task.name(),
                task.step(), task.holder(), task.workGroup(), task.due(), now));
    }

    /**
     * Escalates the claim's open {@code step}: a higher priority, and the desk leads as candidates, so that Tasklist
     * and the engine let them work it; the listeners let them because FactDesk's table says it is escalated.
     */
    void escalate(long claimId, String step) {
        Optional<OpenTask> open = openTask(claimId, step);
        if (open.isEmpty()) {
            return;
        }
        OpenTask task = open.get();
        Instant now = clock.instant();
        int raised = Math.min(100, task.priority() + settings.escalationPriority());
        // Marked first: the engine's calls below fire the task's listeners, which must already see it escalated.
        if (!openTasks.escalated(task.taskId(), raised, now)) {
            return;
        }
        tasks.setPriority(task.taskId(), raised);
        tasks.addCandidateGroup(task.taskId(), ClaimReviewProcess.GROUP_DESK_LEADS);
        events.publishEvent(new ReviewEscalated(task.claimId(), task.articleId(), task.taskId(), task.name(),
                task.step(), task.holder(), task.workGroup(), ClaimReviewProcess.GROUP_DESK_LEADS, task.due(),
                task.priority(), raised, now));
    }

    private Optional<OpenTask> openTask(long claimId, String step) {
        Optional<OpenTask> task = openTasks.ofClaim(claimId).filter(t -> t.step().equals(step));
        if (task.isEmpty()) {
            // The timer belongs to the task's activity, so it cannot outlive it; a missing row means the table is
            // being rebuilt, and a reminder missed is better than a failed job.
            log.warn("No open '{}' of claim {} for its deadline timer", step, claimId);
        }
        return task;
    }
}
