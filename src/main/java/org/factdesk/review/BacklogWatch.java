package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.factdesk.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches each desk's overdue open tasks (counted in FactDesk's table of open tasks, per the group that works them)
 * and raises a {@link BacklogAlerted} once when a desk's count passes the threshold; the alert is raised again only
 * after the count has come back to the threshold or below.
 *
 * <p>Every node runs the check on its own Spring schedule. The guard against two nodes alerting twice is the desk's
 * row in {@code review_backlog}: a check locks it ({@code SELECT ... FOR UPDATE}) for its transaction, so a second
 * node waits and then finds the alert already raised. This was chosen over a Camunda timer start event because the
 * check is FactDesk's own bookkeeping: a process instance every few minutes would crowd Cockpit and the engine's
 * history with runs that hold nothing to work on, and the row lock makes the outcome right however many nodes run
 * it, or run it at the same moment.
 */
@Service
public class BacklogWatch {

    private static final Logger log = LoggerFactory.getLogger(BacklogWatch.class);

    private final OpenTasks openTasks;
    private final DeskBacklogs backlogs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ReviewSettings settings;

    BacklogWatch(OpenTasks openTasks, DeskBacklogs backlogs, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock, ReviewSettings settings) {
        this.openTasks = openTasks;
        this.backlogs = backlogs;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${factdesk.review.backlog-check:PT5M}",
            fixedDelayString = "${factdesk.review.backlog-check:PT5M}")
    void scheduledCheck() {
        try {
            check(clock.instant(), settings.backlogThreshold());
        } catch (RuntimeException e) {
            // The next round checks again; a failed round must not stop the schedule.
            log.warn("Backlog check failed: {}", e.toString());
        }
    }

    /**
     * Checks every desk at {@code now} against {@code threshold}, as the schedule does with the clock and the
     * configured threshold; the alerts this check raised.
     */
    public List<BacklogAlerted> check(Instant now, int threshold) {
        List<BacklogAlerted> raised = new ArrayList<>();
        for (String group : ClaimReviewProcess.WORK_GROUPS) {
            try {
                transaction.executeWithoutResult(status -> checkDesk(group, now, threshold).ifPresent(raised::add));
            } catch (DataIntegrityViolationException racedForTheFirstRow) {
                // Two nodes created a new desk's row at once: the other one's check stands for this round.
                log.debug("Backlog of {} checked by another node", group);
            }
        }
        return raised;
    }

    private Optional<BacklogAlerted> checkDesk(String group, Instant now, int threshold) {
        Optional<DeskBacklogs.State> locked = backlogs.lock(group);
        if (locked.isEmpty()) {
            backlogs.create(group);
            locked = backlogs.lock(group);
        }
        DeskBacklogs.State state = locked.orElseThrow();
        long overdue = openTasks.overdue(group, now);
        boolean above = overdue > threshold;
        if (above && !state.alerting()) {
            backlogs.save(group, true, overdue, now, now);
            BacklogAlerted alert = new BacklogAlerted(group, overdue, threshold, now);
            events.publishEvent(alert);
            return Optional.of(alert);
        }
        backlogs.save(group, above, overdue, now, state.alertedAt());
        return Optional.empty();
    }

    /** Each desk's backlog now: its overdue tasks, the threshold, and whether its alert is raised. */
    @Transactional(readOnly = true)
    @Roles.BacklogWatchers
    public List<DeskBacklog> desks() {
        Instant now = clock.instant();
        Map<String, Long> overdue = openTasks.overdueByGroup(now);
        Map<String, DeskBacklogs.State> states = backlogs.all();
        return ClaimReviewProcess.WORK_GROUPS.stream().map(group -> {
            DeskBacklogs.State state = states.get(group);
            return new DeskBacklog(group, overdue.getOrDefault(group, 0L), settings.backlogThreshold(),
                    state != null && state.alerting(), state == null ? null : state.alertedAt());
        }).toList();
    }
}
