package org.factdesk.notification;

import org.factdesk.review.ReviewTaskAssigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the new holder of a review task that someone else (or FactDesk itself) gave them; taking a task yourself
 * needs no mail. Runs in the engine's transaction, where queuing is one insert; it never fails the hand-over.
 */
@Component
class AssignmentMails {

    private static final Logger log = LoggerFactory.getLogger(AssignmentMails.class);

    private final Notifications notifications;

    AssignmentMails(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(ReviewTaskAssigned assigned) {
        if (assigned.claimedThemselves()) {
            return;
        }
        try {
            notifications.taskAssigned(assigned.assignee(), assigned.taskId(), assigned.taskName(),
                    assigned.claimId(), assigned.articleId(), assigned.assignedBy(), assigned.due());
        } catch (RuntimeException e) {
            // A mail is news about the step, never a condition of it.
            log.warn("Could not queue the assignment mail of task {} for {}: {}", assigned.taskId(),
                    assigned.assignee(), e.toString());
        }
    }
}
