package org.factdesk.review;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How review deadlines remind and escalate, under {@code factdesk.review.*}; every key has its default here.
 *
 * @param reminderLeadTime   how long before a task's due date its holder (or its group) is reminded
 *                           ({@code factdesk.review.reminder-lead-time}, default 30 minutes; {@code PT0S} reminds at
 *                           the due date). A lead time longer than the task's whole review time reminds at once.
 * @param escalateAfter      how long after its due date a task still open is escalated to the desk leads
 *                           ({@code factdesk.review.escalate-after}, default 1 hour)
 * @param escalationPriority how much an escalation raises the task's priority ({@code
 *                           factdesk.review.escalation-priority}, default 20; priorities stop at 100)
 * @param backlogThreshold   a desk's alert is raised when more than this many of its open tasks are overdue
 *                           ({@code factdesk.review.backlog-threshold}, default 10)
 * @param backlogCheck       how often each node checks the desks' backlog ({@code factdesk.review.backlog-check},
 *                           default 5 minutes)
 */
@ConfigurationProperties("factdesk.review")
record ReviewSettings(Duration reminderLeadTime, Duration escalateAfter, Integer escalationPriority,
        Integer backlogThreshold, Duration backlogCheck) {

    ReviewSettings {
        reminderLeadTime = reminderLeadTime == null ? Duration.ofMinutes(30) : reminderLeadTime;
        escalateAfter = escalateAfter == null ? Duration.ofHours(1) : escalateAfter;
        escalationPriority = escalationPriority == null ? 20 : escalationPriority;
        backlogThreshold = backlogThreshold == null ? 10 : backlogThreshold;
        backlogCheck = backlogCheck == null ? Duration.ofMinutes(5) : backlogCheck;
        if (reminderLeadTime.isNegative() || escalateAfter.isNegative()) {
            throw new IllegalArgumentException("factdesk.review.reminder-lead-time and escalate-after may not be "
                    + "negative: " + reminderLeadTime + ", " + escalateAfter);
        }
        if (escalationPriority < 0 || escalationPriority > 100) {
            throw new IllegalArgumentException("factdesk.review.escalation-priority is 0 to 100, not "
                    + escalationPriority);
        }
        if (backlogThreshold < 0) {
            throw new IllegalArgumentException("factdesk.review.backlog-threshold may not be negative: "
                    + backlogThreshold);
        }
        if (backlogCheck.isNegative() || backlogCheck.isZero()) {
            throw new IllegalArgumentException("factdesk.review.backlog-check must be positive, not " + backlogCheck);
        }
    }

    /** Settings with every default. */
    static ReviewSettings defaults() {
        return new ReviewSettings(null, null, null, null, null);
    }
}
