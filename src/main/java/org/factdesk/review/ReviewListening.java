package org.factdesk.review;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimActivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the review task listeners record as a task opens, changes hands and closes: its row in {@link OpenTasks}
 * and, for each hand-over, the claim's {@link ClaimActivity} for the audit log and a {@link ReviewTaskAssigned}.
 * All of it inside the engine's transaction, so it commits or rolls back with the task.
 */
@Component
class ReviewListening {

    /** Who "flagged" a reader report, as the queue shows it. */
    static final String READER = "reader";

    private final OpenTasks openTasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ArticleService articles;

    ReviewListening(OpenTasks openTasks, ApplicationEventPublisher events, Clock clock, ArticleService articles) {
        this.openTasks = openTasks;
        this.events = events;
        this.clock = clock;
        this.articles = articles;
    }

    /** The task was created; nobody holds it yet (an assignee the model gives arrives as an assignment next). */
    void opened(DelegateTask task, Claim claim, boolean returned) {
        String group = ClaimReviewProcess.groupOf(task.getTaskDefinitionKey()).orElseThrow();
        openTasks.insert(new OpenTask(task.getId(), claim.id(), claim.articleId(), task.getTaskDefinitionKey(),
                task.getName(), group, null, claim.category(), claim.severity(), claim.flaggedBy(),
                claim.verifiedBy(), returned, task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getCreateTime().toInstant(),
                null, null, OpenTask.searchText(claim.quote(), articles.get(claim.articleId()).headline())));
    }

    /** A reader report's triage task was created: a row of the queue with the report and no claim. */
    void openedTriage(DelegateTask task, long reportId, long articleId, String quote) {
        openTasks.insert(new OpenTask(task.getId(), null, articleId, task.getTaskDefinitionKey(), task.getName(),
                ReaderReportProcess.GROUP_FACT_CHECKERS, null, null, null, READER, null, false, task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getCreateTime().toInstant(),
                null, reportId, OpenTask.searchText(quote, articles.get(articleId).headline())));
    }

    /** The triage task's holder changed; a report has no claim, so no claim activity is recorded. */
    void holderChanged(DelegateTask task, String holder) {
        openTasks.hold(task.getId(), holder);
    }

    /** Who held the task before the change being reported. */
    Optional<String> holderBefore(DelegateTask task) {
        return openTasks.holderOf(task.getId());
    }

    /**
     * The task's row before the change being reported: who held it and whether it was escalated to the desk leads
     * (as FactDesk's own table records it), read once for the listener's checks and for recording the change.
     */
    Optional<OpenTasks.Row> before(DelegateTask task) {
        return openTasks.row(task.getId());
    }

    /**
     * {@code assignee} now holds the task; {@code actor} gave it to them (null: the engine itself). Announced as
     * {@link ReviewTaskAssigned} for whoever tells the assignee.
     */
    void held(DelegateTask task, Claim claim, String assignee, String actor, Optional<OpenTasks.Row> before) {
        openTasks.hold(task.getId(), assignee, before);
        boolean took = assignee.equals(actor);
        // A hand-over names both people, as the log reads it: "fiona gave Verify claim to farid".
        activity(claim, took ? ClaimActivity.Action.CLAIMED : ClaimActivity.Action.ASSIGNED, actor,
                took || actor == null ? task.getName() + " held by " + assignee
                        : actor + " gave " + task.getName() + " to " + assignee);
        events.publishEvent(new ReviewTaskAssigned(task.getId(), claim.id(), claim.articleId(),
                task.getTaskDefinitionKey(), task.getName(), assignee, actor,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), clock.instant()));
    }

    void released(DelegateTask task, Claim claim, String actor, Optional<OpenTasks.Row> before) {
        openTasks.hold(task.getId(), null, before);
        activity(claim, ClaimActivity.Action.UNCLAIMED, actor, task.getName() + " released");
    }

    /** The task was completed or deleted (its review ended another way). */
    void closed(DelegateTask task) {
        openTasks.remove(task.getId());
    }

    /** The same, with the row as the listener read it ({@link #before}). */
    void closed(DelegateTask task, Optional<OpenTasks.Row> before) {
        openTasks.remove(task.getId(), before);
    }

    private void activity(Claim claim, ClaimActivity.Action action, String actor, String detail) {
        // A hand-over changes who holds the task, never the claim's recorded state.
        events.publishEvent(new ClaimActivity(claim.id(), claim.articleId(), action,
                actor == null ? "system" : actor, clock.instant(), detail, claim.state()));
    }
}
