package org.factdesk.notification;

import org.factdesk.identity.Groups;
import org.factdesk.review.BacklogAlerted;
import org.factdesk.review.ReviewEscalated;
import org.factdesk.review.ReviewReminded;
import org.factdesk.shared.NewsroomTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails what the review deadlines announce: a reminder to the task's holder (or its group while nobody holds it), an
 * escalation to the group it went to, a backlog alert to the desk leads. Runs in the engine's transaction, where
 * queuing is one insert; it never fails the timer's step.
 */
@Component
class DeadlineMails {

    private static final Logger log = LoggerFactory.getLogger(DeadlineMails.class);

    private final Notifications notifications;
    private final NewsroomTime newsroomTime;

    DeadlineMails(Notifications notifications, NewsroomTime newsroomTime) {
        this.notifications = notifications;
        this.newsroomTime = newsroomTime;
    }

    @EventListener
    void on(ReviewReminded reminded) {
        queue("reminder of task " + reminded.taskId(), () -> {
            if (reminded.holder() != null) {
                notifications.taskReminded(reminded.holder(), reminded.taskId(), reminded.taskName(),
                        reminded.claimId(), reminded.articleId(), reminded.due());
            } else {
                notifications.groupReminded(reminded.group(), reminded.taskId(), reminded.taskName(),
                        reminded.claimId(), reminded.articleId(), reminded.due());
            }
        });
    }

    @EventListener
    void on(ReviewEscalated escalated) {
        queue("escalation of task " + escalated.taskId(), () -> notifications.taskEscalated(escalated.escalatedTo(),
                escalated.taskId(), escalated.taskName(), escalated.claimId(), escalated.articleId(),
                "It was due by " + (escalated.due() == null ? "now" : newsroomTime.format(escalated.due()))
                        + " and is still open" + (escalated.holder() == null ? "" : ", held by " + escalated.holder())
                        + "; its priority is now " + escalated.priority() + "."));
    }

    @EventListener
    void on(BacklogAlerted alert) {
        queue("backlog alert for " + alert.group(), () -> notifications.backlogAlerted(Groups.DESK_LEADS,
                alert.group(), alert.overdue(), alert.threshold()));
    }

    private static void queue(String what, Runnable mail) {
        try {
            mail.run();
        } catch (RuntimeException e) {
            // A mail is news about the step, never a condition of it.
            log.warn("Could not queue the mail for the {}: {}", what, e.toString());
        }
    }
}
