package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole desk's backlog as the standards editor reads it: how many review tasks are open, how many are overdue,
 * and the few longest overdue. Read from FactDesk's table of open tasks, a bounded number of rows at a time; for
 * FactDesk's own reports (the daily digest), not for a person's request.
 */
@Service
public class ReviewBacklog {

    /** One overdue task: the step, the claim and article it is for, who holds it (null: nobody) and when it was due. */
    public record OverdueTask(String taskName, long claimId, long articleId, String holder, String workGroup,
            Instant due) {
    }

    /** The counts, and at most the asked-for number of the longest overdue tasks. */
    public record Summary(long open, long overdue, List<OverdueTask> longestOverdue) {
    }

    private final OpenTasks openTasks;
    private final Clock clock;

    ReviewBacklog(OpenTasks openTasks, Clock clock) {
        this.openTasks = openTasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Summary summary(int limit) {
        Instant now = clock.instant();
        long[] counts = openTasks.backlogCounts(now);
        List<OverdueTask> overdue = openTasks.overdue(now, limit).stream()
                .map(t -> new OverdueTask(t.name(), t.claimId(), t.articleId(), t.holder(), t.workGroup(), t.due()))
                .toList();
        return new Summary(counts[0], counts[1], overdue);
    }
}
