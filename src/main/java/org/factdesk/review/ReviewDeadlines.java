package org.factdesk.review;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Turns the routing decision's review time (an ISO-8601 duration) into a task's due date, read from FactDesk's clock.
 * The model calls it as {@code ${reviewDeadlines.dueIn(reviewDue)}}.
 */
@Component(ClaimReviewProcess.Bean.REVIEW_DEADLINES)
public class ReviewDeadlines {

    private final Clock clock;

    ReviewDeadlines(Clock clock) {
        this.clock = clock;
    }

    public Date dueIn(String isoDuration) {
        return Date.from(clock.instant().plus(Duration.parse(isoDuration)));
    }
}
