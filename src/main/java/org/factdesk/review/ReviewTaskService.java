package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
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

    ReviewTaskService(TaskService tasks, TaskGroups taskGroups, OpenTasks openTasks, Clock clock) {
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
        Instant now = clock.instant();
        List<ReviewTask> page = openTasks.queue(user, groups, deskLead, query, now).stream()
                .map(ReviewTaskService::view).toList();
        long total = page.size() < query.size() && query.page() == 0 ? page.size()
                : openTasks.count(user, groups, deskLead, query, now);
        return new QueuePage(page, total, query.page(), query.size());
    }

    private static ReviewTask view(OpenTask task) {
        return new ReviewTask(task.taskId(), task.name(), task.step(), task.claimId(), task.articleId(),
                task.holder(), task.created(), task.due(), task.priority(), task.isEscalated(), task.reportId());
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
        return view(workable(taskId, user));
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
