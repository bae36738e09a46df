package org.factdesk.review;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.factdesk.shared.ProblemException;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * What the listeners of the review tasks (verify, approve, legal review) share: they run inside the engine, so their
 * rules hold for FactDesk's API, Tasklist and the engine REST API alike. The claim is the process's business key; only members of the group
 * the model names may hold or complete a task (and desk leads once FactDesk escalated it); a completion may set its
 * own form and nothing else the process relies on; each hand-over is recorded once (the engine reports it as both
 * "update" and "assignment"), and only its holder, a member of its group while nobody holds it, a desk lead or an
 * administrator gives it to someone else ({@link TaskAssignments}); and a
 * decision left from an earlier round is cleared when the task is created again. Each event also changes the task's
 * row in {@link OpenTasks}, in the same transaction.
 */
abstract class ReviewTaskListener implements TaskListener {

    private static final Set<String> ROUTES = Set.of("URGENT", "STANDARD", "ROUTINE");

    protected final ClaimService claims;
    protected final RoutingRules routing;
    private final CurrentActor actor;
    private final TaskGroups taskGroups;
    private final String decisionVariable;
    private final ReviewListening listening;
    private final TaskAssignments assignments;
    /**
     * The task being created by the engine command running on this thread: an assignment that follows its create
     * event in the same command is the model's own (a returned claim goes back to its verifier), made while the person
     * who completed the previous step is signed in. Cleared when the command ends, so a later call on the same thread
     * (a pooled request thread) is never taken for the model.
     */
    private static final ThreadLocal<String> CREATING = new ThreadLocal<>();

    ReviewTaskListener(ClaimService claims, RoutingRules routing, CurrentActor actor, TaskGroups taskGroups,
            String decisionVariable, ReviewListening listening, TaskAssignments assignments) {
        this.assignments = assignments;
        this.claims = claims;
        this.routing = routing;
        this.actor = actor;
        this.taskGroups = taskGroups;
        this.decisionVariable = decisionVariable;
        this.listening = listening;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            handle(task);
        } catch (ProblemException refusal) {
            throw EngineRefusals.remember(refusal);
        }
    }

    private void handle(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                // Read before the clean-up: on Verify claim a decision still set is the editor's return.
                boolean returned = Decision.RETURN.name().equals(task.getVariable(Var.DECISION));
                clearOnCreate(task);
                listening.opened(task, claims.get(ReviewVariables.claimId(task)), returned);
                CREATING.set(task.getId());
                Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
                    @Override
                    public void onCommandContextClose(CommandContext context) {
                        CREATING.remove();
                    }

                    @Override
                    public void onCommandFailed(CommandContext context, Throwable failure) {
                        CREATING.remove();
                    }
                });
            }
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> holderChanged(task);
            case EVENTNAME_COMPLETE -> {
                Optional<OpenTasks.Row> row = listening.before(task);
                complete(task, row.map(OpenTasks.Row::escalated).orElse(false));
                listening.closed(task, row);
            }
            case EVENTNAME_DELETE -> listening.closed(task);
            default -> {
            }
        }
    }

    private void holderChanged(DelegateTask task) {
        String assignee = task.getAssignee();
        Optional<OpenTasks.Row> row = listening.before(task);
        String before = row.map(OpenTasks.Row::holder).orElse(null);
        // The engine reports one hand-over twice (assignment, then update), and an update that leaves the holder as
        // they were (a priority raised on escalation): nobody new holds the task, so there is nothing to admit or
        // record. The first report of a hand-over has already checked and recorded it in this transaction.
        if (Objects.equals(assignee, before)) {
            return;
        }
        Claim claim = claims.get(ReviewVariables.claimId(task));
        if (assignee != null) {
            taskGroups.requireMember(assignee, task.getTaskDefinitionKey(), task.getName(),
                    row.map(OpenTasks.Row::escalated).orElse(false));
            mayHold(claim, assignee);
            boolean byTheModel = task.getId().equals(CREATING.get());
            CREATING.remove();
            if (!assignee.equals(before)) {
                String by = actor.userOr(null);
                // Giving a task to someone else: the holder hands it on, a group member assigns an unheld one, a desk
                // lead or an administrator any; the model's own assignment on creation is none of these.
                if (by != null && !by.equals(assignee) && !byTheModel && !actor.isAdministrator()) {
                    assignments.requireMayAssign(by, before, task.getTaskDefinitionKey(), task.getName());
                }
                listening.held(task, claim, assignee, by, row);
            }
        } else if (before != null) {
            String by = actor.userOr(before);
            // Camunda lets any candidate claim a task "for nobody"; only its holder or an administrator gives it back.
            if (actor.isPerson() && !by.equals(before) && !actor.isAdministrator()) {
                throw heldBy(task, before);
            }
            listening.released(task, claim, by, row);
        }
    }

    private void complete(DelegateTask task, boolean escalated) {
        Claim claim = claims.get(ReviewVariables.claimId(task));
        String user = actor.userOr(task.getAssignee());
        if (user == null) {
            throw ProblemException.badRequest("unknown-actor", task.getName() + " was completed without a known user.");
        }
        taskGroups.requireMember(user, task.getTaskDefinitionKey(), task.getName(), escalated);
        // The engine lets any candidate complete a task another holds; the desk does not.
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw heldBy(task, task.getAssignee());
        }
        mayHold(claim, user);
        requireUntouchedVariables(task, claim);
        completed(task, claim, user);
    }

    /**
     * Refuses a completion that wrote anything but the task's form: task-local variables (which would shadow the
     * process's own values for this listener but not for the gateways and the publish job), or a change to the
     * variables FactDesk set from the claim or the routing decision.
     */
    private void requireUntouchedVariables(DelegateTask task, Claim claim) {
        Map<String, Object> local = task.getVariablesLocal();
        if (!local.isEmpty()) {
            throw protectedVariable(task, "task-local variables " + local.keySet() + " were set; a review task takes "
                    + "its form " + ClaimReviewProcess.formOf(task.getTaskDefinitionKey()) + " and nothing else");
        }
        Set<String> unknown = new TreeSet<>(task.getVariableNames());
        unknown.removeAll(Var.ALL);
        if (!unknown.isEmpty()) {
            throw protectedVariable(task, "variables " + unknown + " were set; a review task takes its form "
                    + ClaimReviewProcess.formOf(task.getTaskDefinitionKey()) + " and nothing else");
        }
        expect(task, Var.CLAIM_ID, claim.id());
        expect(task, Var.ARTICLE_ID, claim.articleId());
        expect(task, Var.CATEGORY, claim.category().name());
        expect(task, Var.SEVERITY, claim.severity().name());
        expect(task, Var.FLAGGED_BY, claim.flaggedBy());
        expect(task, Var.VERIFIED_BY, claim.verifiedBy());
        expect(task, Var.APPROVED_BY, expectedApprover(claim));
        // The gateways route on these two; the routing table, not the completion, decides them. A review started before
        // the table gave them has neither, and no gateway that reads them; a completion can set one, never remove it.
        RoutingRules.Route routed = routing.of(claim);
        if (task.hasVariable(Var.LEGAL_REVIEW) || task.hasVariable(Var.SILENT_FIX_ALLOWED)) {
            expect(task, Var.LEGAL_REVIEW, routed.legalReview());
            expect(task, Var.SILENT_FIX_ALLOWED, routed.silentFixAllowed());
        }
        Object route = task.getVariable(Var.REVIEW_PATH);
        if (!ROUTES.contains(String.valueOf(route))) {
            throw protectedVariable(task, "'" + Var.REVIEW_PATH + "' is " + route + ", which the routing decision never gives");
        }
        Object priority = task.getVariable(Var.REVIEW_PRIORITY);
        if (!(priority instanceof Number number) || number.longValue() < 0 || number.longValue() > 100) {
            throw protectedVariable(task, "'" + Var.REVIEW_PRIORITY + "' is " + priority + ", not a priority 0 to 100");
        }
        Object due = task.getVariable(Var.REVIEW_DUE);
        try {
            Duration duration = Duration.parse(String.valueOf(due));
            if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(30)) > 0) {
                throw protectedVariable(task, "'" + Var.REVIEW_DUE + "' is " + due + ", outside the routing decision's range");
            }
        } catch (DateTimeParseException e) {
            throw protectedVariable(task, "'" + Var.REVIEW_DUE + "' is " + due + ", not an ISO-8601 duration");
        }
    }

    private static ProblemException heldBy(DelegateTask task, String holder) {
        return ProblemException.conflict("task-already-claimed", "'" + task.getName() + "' is held by " + holder
                + "; only they can complete it or give it back.");
    }

    private static void expect(DelegateTask task, String name, Object expected) {
        Object actual = task.getVariable(name);
        boolean same = actual instanceof Number n && expected instanceof Number e
                ? n.longValue() == e.longValue()
                : Objects.equals(actual == null ? null : actual.toString(), expected == null ? null : expected.toString());
        if (!same) {
            throw protectedVariable(task, "'" + name + "' was changed to " + actual + "; FactDesk sets it from the claim");
        }
    }

    private static ProblemException protectedVariable(DelegateTask task, String what) {
        return ProblemException.forbidden("protected-variable", "'" + task.getName() + "' was not completed: " + what
                + ".");
    }

    /**
     * Clears what an earlier round left that this task decides afresh: its own decision, and the approver (a new
     * verification or approval means nobody has approved this round yet).
     */
    protected void clearOnCreate(DelegateTask task) {
        task.getExecution().removeVariable(decisionVariable);
        task.getExecution().removeVariable(Var.APPROVED_BY);
    }

    /** Who approved the claim when this task completes, as the process must still say: nobody, by default. */
    protected String expectedApprover(Claim claim) {
        return null;
    }

    /** Refuses a group member who still may not work on this claim; everyone may by default. */
    protected void mayHold(Claim claim, String user) {
    }

    /** Checks and records what {@code user} decided on completing the task. */
    protected abstract void completed(DelegateTask task, Claim claim, String user);
}
