package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
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
@Roles.Reviewers
public class ReviewTaskService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskGroups taskGroups;
    private final OpenTasks openTasks;
    private final Clock clock;

    ReviewTaskService(TaskService tasks, RuntimeService runtime, TaskGroups taskGroups, OpenTasks openTasks,
            Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
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
        List<String> groups = taskGroups.of(user).stream().filter(ClaimReviewProcess::isWorkGroup).toList();
        Instant now = clock.instant();
        List<ReviewTask> page = openTasks.queue(user, groups, query, now).stream().map(ReviewTaskService::view)
                .toList();
        long total = page.size() < query.size() && query.page() == 0 ? page.size()
                : openTasks.count(user, groups, query, now);
        return new QueuePage(page, total, query.page(), query.size());
    }

    private static ReviewTask view(OpenTask task) {
        return new ReviewTask(task.taskId(), task.name(), task.step(), task.claimId(), task.articleId(),
                task.holder(), task.created(), task.due(), task.priority());
    }

    @Transactional(readOnly = true)
    public ReviewTask get(String taskId, String user) {
        Task task = workable(taskId, user);
        return views(List.of(task)).get(0);
    }

    /** Takes a task. Someone else holding it, or winning the race for it, is a 409. */
    @Transactional
    public ReviewTask claim(String taskId, String user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw heldBy(task);
        }
        tasks.claim(taskId, user);
        return views(List.of(tasks.createTaskQuery().taskId(taskId).singleResult())).get(0);
    }

    /** Lets go of a task the caller holds, back to the group's queue. */
    @Transactional
    public ReviewTask unclaim(String taskId, String user) {
        Task task = workable(taskId, user);
        if (task.getAssignee() == null) {
            throw ProblemException.conflict("task-not-claimed", "Task " + taskId + " is not held by anyone.");
        }
        if (!task.getAssignee().equals(user)) {
            throw heldBy(task);
        }
        // Giving a task back is the claim right's own counterpart: Camunda's claim with no user, which the task's
        // candidates may do, where setting an assignee needs the right to assign others.
        tasks.claim(taskId, null);
        return views(List.of(tasks.createTaskQuery().taskId(taskId).singleResult())).get(0);
    }

    /**
     * Completes a task the caller holds (an unclaimed one is claimed first) with its form. The engine's listeners
     * check the content; anything they refuse rolls the whole step back.
     */
    @Transactional
    public void complete(String taskId, String user, CompleteTaskRequest form) {
        Task task = workable(taskId, user);
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw heldBy(task);
        }
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user);
        }
        tasks.complete(taskId, variables(task, form));
    }

    private static Map<String, Object> variables(Task task, CompleteTaskRequest form) {
        Map<String, Object> variables = new HashMap<>();
        if (Element.TASK_VERIFY_CLAIM.equals(task.getTaskDefinitionKey())) {
            if (form.decision() != null) {
                throw ProblemException.badRequest("wrong-form", "Verify claim takes a 'verdict' (ERROR_CONFIRMED, "
                        + "CLARIFICATION_NEEDED or NOT_AN_ERROR), not a 'decision'.");
            }
            variables.put(Var.VERDICT, form.verdict());
            variables.put(Var.REPLACEMENT, form.replacement());
            variables.put(Var.NOTICE, form.notice());
            variables.put(Var.NOTE, form.note());
        } else {
            if (form.verdict() != null) {
                throw ProblemException.badRequest("wrong-form", "Approve correction takes a 'decision' (APPROVE, "
                        + "RETURN or REJECT) and a 'comment', not a 'verdict'.");
            }
            variables.put(Var.DECISION, form.decision());
            variables.put(Var.COMMENT, form.comment());
        }
        return variables;
    }

    /** The task, if it exists, belongs to a claim review, and is one of the caller's groups' tasks. */
    private Task workable(String taskId, String user) {
        Task task = tasks.createTaskQuery().taskId(taskId).processDefinitionKey(ClaimReviewProcess.PROCESS_ID)
                .singleResult();
        if (task == null) {
            throw ProblemException.notFound("task-not-found", "There is no open review task with id " + taskId
                    + "; it may have been completed already.");
        }
        taskGroups.requireMember(user, task.getTaskDefinitionKey(), task.getName());
        return task;
    }

    private static ProblemException heldBy(Task task) {
        return ProblemException.conflict("task-already-claimed", "'" + task.getName() + "' is already held by "
                + task.getAssignee() + ".");
    }

    /**
     * Task views with their claim and article. The claim comes from each process instance's business key (which only
     * FactDesk sets), the article from the claim variable FactDesk set at the start and the listeners keep unchanged.
     */
    private List<ReviewTask> views(List<Task> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        String[] instances = found.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Long> claimOf = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(Set.of(instances))
                .list()) {
            claimOf.put(instance.getId(), ReviewVariables.parseClaimId(instance.getBusinessKey()));
        }
        Map<String, Long> articleOf = new HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances).variableName(Var.ARTICLE_ID).list()) {
            articleOf.put(variable.getProcessInstanceId(), ((Number) variable.getValue()).longValue());
        }
        return found.stream().filter(task -> claimOf.containsKey(task.getProcessInstanceId())).map(task ->
                new ReviewTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                        claimOf.get(task.getProcessInstanceId()), articleOf.getOrDefault(task.getProcessInstanceId(), 0L),
                        task.getAssignee(), task.getCreateTime().toInstant(),
                        task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getPriority()))
                .toList();
    }
}
