package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.identity.Roles;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.factdesk.review.ClaimReviewProcess.Element;
import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * The review tasks a fact-checker or editor works on: their queue, claiming, releasing and completing. The engine's
 * listeners hold the rules (four-eyes, complete verdicts); this service adds who may touch which task and turns a
 * lost race into a clear 409.
 */
@Service
@Roles.ReviewStepWorkers
public class ReviewTaskService {

    private final TaskService tasks;
    private final TaskGroups taskGroups;
    private final OpenTasks openTasks;
    private final Clock clock;
    private final TaskAssignments assignments;
    private final CurrentActor actor;
    private final ClaimService claims;

    ReviewTaskService(TaskService tasks, TaskGroups taskGroups, OpenTasks openTasks, Clock clock,
            TaskAssignments assignments, CurrentActor actor, ClaimService claims) {
        this.assignments = assignments;
        this.actor = actor;
        this.claims = claims;
        this.tasks = tasks;
        this.taskGroups = taskGroups;
        this.openTasks = openTasks;
        this.clock = clock;
    }

    /**
     * One page of the caller's queue: their own tasks and the unclaimed tasks of their groups, as the query's tab,
     * filters and order say, read from FactDesk's table of open tasks ({@link OpenTasks}).
     */
    @Transactional(readOnly = true)
    public QueuePage queue(String user, QueueQuery query) {
        List<String> all = taskGroups.of(user);
        List<String> groups = all.stream().filter(ClaimReviewProcess::isWorkGroup).toList();
        boolean deskLead = all.contains(ClaimReviewProcess.GROUP_DESK_LEADS);
        OpenTasks.Slice slice = openTasks.page(user, groups, deskLead, query, clock.instant());
        return new QueuePage(slice.tasks().stream().map(ReviewTaskService::view).toList(), slice.total(),
                query.page(), query.size());
    }

    /** How many tasks the caller's queue holds as the query's tab and filters say, without reading any of them. */
    @Transactional(readOnly = true)
    public long count(String user, QueueQuery query) {
        List<String> all = taskGroups.of(user);
        List<String> groups = all.stream().filter(ClaimReviewProcess::isWorkGroup).toList();
        return openTasks.count(user, groups, all.contains(ClaimReviewProcess.GROUP_DESK_LEADS), query,
                clock.instant());
    }

    private static ReviewTask view(OpenTask task) {
        return new ReviewTask(task.taskId(), task.name(), task.step(), task.claimId(), task.articleId(),
                task.holder(), task.created(), task.due(), task.priority(), task.isEscalated(), task.reportId(),
                task.returned());
    }

    @Transactional(readOnly = true)
    public ReviewTask get(String taskId, String user) {
        return view(workable(taskId, user));
    }

    /** Takes a task. Someone else holding it, or winning the race for it, is a 409. */
    @Transactional
    public ReviewTask claim(String taskId, String user) {
        OpenTask task = workable(taskId, user);
        if (task.holder() != null && !task.holder().equals(user)) {
            throw heldBy(task);
        }
        tasks.claim(taskId, user);
        // The engine's claim went through its listeners in this transaction, which gave the row to the caller and
        // changed nothing else of it: no need to read it again.
        return view(task.heldBy(user));
    }

    /** Lets go of a task the caller holds, back to the group's queue. */
    @Transactional
    public ReviewTask unclaim(String taskId, String user) {
        OpenTask task = workable(taskId, user);
        if (task.holder() == null) {
            throw ProblemException.conflict("task-not-claimed", "Task " + taskId + " is not held by anyone.");
        }
        if (!task.holder().equals(user)) {
            throw heldBy(task);
        }
        // Giving a task back is the claim right's own counterpart: Camunda's claim with no user, which the task's
        // candidates may do, where setting an assignee needs the right to assign others.
        tasks.claim(taskId, null);
        return view(workable(taskId, user));
    }

    /**
     * Gives a task to a colleague, as Tasklist's "assign" does: the caller holds it (and hands it on), or nobody holds
     * it and the caller is in its group, or the caller is a desk lead. The assignee must be someone who may hold it
     * (a 422 names the rule they fall foul of); a caller who may not assign is a 403; a task that changed hands since
     * the caller looked ({@code expectedHolder}), or a hand-over that lost the race for it, is a 409. The assignee is
     * told by mail ({@link ReviewTaskAssigned}) and the audit log records who gave it to whom.
     */
    @Transactional
    public ReviewTask assign(String taskId, String user, AssignTaskRequest request) {
        String assignee = request == null || request.assignee() == null ? "" : request.assignee().strip();
        if (assignee.isEmpty()) {
            throw ProblemException.badRequest("assignee-missing", "Say who should hold the task in 'assignee', "
                    + "such as {\"assignee\": \"farid\"}.");
        }
        // The row's lock makes two hand-overs of one task take turns; the second sees whom the first gave it to.
        String holder = openTasks.lockHolder(taskId).orElseThrow(() -> notFound(taskId)).orElse(null);
        OpenTask task = openTasks.find(taskId).orElseThrow(() -> notFound(taskId));
        if (request.expectedHolder() != null) {
            String expected = request.expectedHolder().isBlank() ? null : request.expectedHolder().strip();
            if (!java.util.Objects.equals(expected, holder)) {
                throw ProblemException.conflict("task-changed-hands", "'" + task.name() + "' is "
                        + (holder == null ? "held by nobody" : "held by " + holder) + " now, not "
                        + (expected == null ? "unheld" : "by " + expected) + " as you saw it; look again before you "
                        + "assign it.");
            }
        }
        if (!taskGroups.isDeskLead(user)) {
            taskGroups.requireMember(user, task.step(), task.name(), task.isEscalated());
        }
        assignments.requireMayAssign(user, holder, task.step(), task.name());
        if (assignee.equals(holder)) {
            return view(task);
        }
        assignments.requireAssignable(assignee, task.step(), task.name(), task.isEscalated(),
                task.claimId() == null ? null : claims.get(task.claimId()));
        actor.actingFor(() -> tasks.setAssignee(taskId, assignee));
        return view(openTasks.find(taskId).orElseThrow(() -> notFound(taskId)));
    }

    /**
     * For each of these tasks that {@code user} may give to someone, the colleagues they may give it to (everyone who
     * may hold it but its holder and the user), in the order of their ids; tasks the user may not assign are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> assignees(List<ReviewTask> page, String user) {
        return assignees(page, user, claims.all(page.stream().map(ReviewTask::claimId)
                .filter(java.util.Objects::nonNull).toList()));
    }

    /** The same, with the page's claims the caller has read already (by id), for the four-eyes rule. */
    @Transactional(readOnly = true)
    public Map<String, List<String>> assignees(List<ReviewTask> page, String user, Map<Long, Claim> claimsById) {
        Map<String, List<String>> holdersOf = new HashMap<>();
        Map<String, List<String>> assignees = new HashMap<>();
        for (ReviewTask task : page) {
            if (!assignments.mayAssign(user, task.assignee(), task.taskDefinitionKey())) {
                continue;
            }
            List<String> holders = holdersOf.computeIfAbsent(task.taskDefinitionKey() + "/" + task.escalated(),
                    key -> assignments.holders(task.taskDefinitionKey(), task.escalated()));
            Claim claim = task.claimId() == null ? null : claimsById.get(task.claimId());
            List<String> allowed = holders.stream()
                    .filter(colleague -> !colleague.equals(user) && !colleague.equals(task.assignee()))
                    // The holders are the group's members already: only the four-eyes rule is left to ask.
                    .filter(colleague -> assignments.fourEyesBar(colleague, task.taskDefinitionKey(), task.name(),
                            claim).isEmpty())
                    .toList();
            if (!allowed.isEmpty()) {
                assignees.put(task.id(), allowed);
            }
        }
        return assignees;
    }

    private static ProblemException notFound(String taskId) {
        return ProblemException.notFound("task-not-found", "There is no open review task with id " + taskId
                + "; it may have been completed already.");
    }

    /**
     * Completes a task the caller holds (an unclaimed one is claimed first) with its form. The engine's listeners
     * check the content; anything they refuse rolls the whole step back.
     */
    @Transactional
    public void complete(String taskId, String user, CompleteTaskRequest form) {
        OpenTask task = workable(taskId, user);
        if (task.holder() != null && !task.holder().equals(user)) {
            throw heldBy(task);
        }
        if (task.holder() == null) {
            tasks.claim(taskId, user);
        }
        tasks.complete(taskId, variables(task.step(), form));
    }

    private static Map<String, Object> variables(String step, CompleteTaskRequest form) {
        Map<String, Object> variables = new HashMap<>();
        if (ReaderReportProcess.Element.TASK_TRIAGE_REPORT.equals(step)) {
            if (form.verdict() != null || form.decision() != null) {
                throw ProblemException.badRequest("wrong-form", "Triage report takes an 'outcome' (ACCEPT with "
                        + "'category' and 'severity', MERGE with 'mergeInto', DISMISS with 'reason'), not a "
                        + "verdict or a decision.");
            }
            put(variables, ReaderReportProcess.Var.OUTCOME, form.outcome());
            put(variables, ReaderReportProcess.Var.CATEGORY, form.category());
            put(variables, ReaderReportProcess.Var.SEVERITY, form.severity());
            put(variables, ReaderReportProcess.Var.REPLACEMENT, form.replacement());
            put(variables, ReaderReportProcess.Var.NOTE, form.note());
            put(variables, ReaderReportProcess.Var.MERGE_INTO, form.mergeInto());
            put(variables, ReaderReportProcess.Var.REASON, form.reason());
        } else if (Element.TASK_VERIFY_CLAIM.equals(step)) {
            if (form.decision() != null) {
                throw ProblemException.badRequest("wrong-form", "Verify claim takes a 'verdict' (ERROR_CONFIRMED, "
                        + "CLARIFICATION_NEEDED or NOT_AN_ERROR), not a 'decision'.");
            }
            variables.put(Var.VERDICT, form.verdict());
            variables.put(Var.REPLACEMENT, form.replacement());
            variables.put(Var.NOTICE, form.notice());
            variables.put(Var.NOTE, form.note());
            variables.put(Var.KIND, form.kind());
        } else if (Element.TASK_LEGAL_REVIEW.equals(step)) {
            if (form.verdict() != null || form.kind() != null) {
                throw ProblemException.badRequest("wrong-form", "Legal review takes a 'decision' (CLEAR, REWRITE or "
                        + "BLOCK), the rewritten 'notice' and a 'comment', not a 'verdict' or a 'kind'.");
            }
            variables.put(Var.LEGAL_DECISION, form.decision());
            variables.put(Var.LEGAL_NOTICE, form.notice());
            variables.put(Var.LEGAL_COMMENT, form.comment());
        } else {
            if (form.verdict() != null) {
                throw ProblemException.badRequest("wrong-form", "Approve correction takes a 'decision' (APPROVE, "
                        + "RETURN or REJECT), a 'comment', the 'kind' of update and, on APPROVE, the editor's own 'notice' and "
                        + "'replacement', not a 'verdict'.");
            }
            variables.put(Var.DECISION, form.decision());
            variables.put(Var.COMMENT, form.comment());
            variables.put(Var.KIND, form.kind());
            // Only when given: an absent notice or replacement keeps the fact-checker's, an empty one is emptied.
            put(variables, Var.NOTICE, form.notice());
            put(variables, Var.REPLACEMENT, form.replacement());
        }
        return variables;
    }

    private static void put(Map<String, Object> variables, String name, Object value) {
        if (value != null) {
            variables.put(name, value);
        }
    }

    /**
     * The open review task, if there is one with this id, and if it is work for one of the caller's groups (or, once
     * escalated, for the desk leads). Read from
     * FactDesk's table of open tasks, which the listeners keep in the engine's own transaction; the engine still
     * decides each claim and completion.
     */
    private OpenTask workable(String taskId, String user) {
        OpenTask task = openTasks.find(taskId).orElseThrow(() -> ProblemException.notFound("task-not-found",
                "There is no open review task with id " + taskId + "; it may have been completed already."));
        taskGroups.requireMember(user, task.step(), task.name(), task.isEscalated());
        return task;
    }

    private static ProblemException heldBy(OpenTask task) {
        return ProblemException.conflict("task-already-claimed", "'" + task.name() + "' is already held by "
                + task.holder() + ".");
    }
}
