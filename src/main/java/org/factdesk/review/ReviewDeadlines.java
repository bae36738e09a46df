package org.factdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Turns the routing decision's review time (an ISO-8601 duration) into a task's due date and the dates of its two
 * timers, all read from FactDesk's clock, so that reminders and escalations follow the routing table. The model calls
 * it as {@code ${reviewDeadlines.dueIn(reviewDue)}}, {@code ${reviewDeadlines.remindAt(reviewDue)}} and
 * {@code ${reviewDeadlines.escalateAt(reviewDue)}} each time a review task starts, so a returned task gets fresh ones.
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
}
