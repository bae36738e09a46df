package org.factdesk.review;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * Fills {@link OpenTasks} from the engine on start when the two disagree: on the first start after an upgrade that
 * brought the table (reviews already had open tasks), or after the table was emptied by hand. Listeners keep it in
 * step from then on.
 */
@Component
class OpenTasksRebuild implements ApplicationRunner {

    private static final int PAGE = 500;
    private static final Logger log = LoggerFactory.getLogger(OpenTasksRebuild.class);

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ClaimService claims;
    private final OpenTasks openTasks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OpenTasksRebuild(TaskService tasks, RuntimeService runtime, ClaimService claims, OpenTasks openTasks,
            TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.runtime = runtime;
        this.claims = claims;
        this.openTasks = openTasks;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        long inEngine = tasks.createTaskQuery().processDefinitionKey(ClaimReviewProcess.PROCESS_ID).count();
        if (inEngine == openTasks.count()) {
            return;
        }
        log.info("Rebuilding the open review tasks from the engine ({} there, {} in FactDesk's table)", inEngine,
                openTasks.count());
        transaction.executeWithoutResult(status -> {
            openTasks.removeAll();
            for (int first = 0; ; first += PAGE) {
                List<Task> page = tasks.createTaskQuery().processDefinitionKey(ClaimReviewProcess.PROCESS_ID)
                        .orderByTaskId().asc().listPage(first, PAGE);
                page(page);
                if (page.size() < PAGE) {
                    break;
                }
            }
        });
    }

    private void page(List<Task> page) {
        if (page.isEmpty()) {
            return;
        }
        Set<String> instances = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Long> claimOf = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
            claimOf.put(instance.getId(), ReviewVariables.parseClaimId(instance.getBusinessKey()));
        }
        Map<String, Object> decisionOf = new HashMap<>();
        for (VariableInstance decision : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableName(Var.DECISION).list()) {
            decisionOf.put(decision.getProcessInstanceId(), decision.getValue());
        }
        Map<Long, Claim> byId = claims.all(claimOf.values());
        // Only an escalation (or an administrator) adds the desk leads to a task: such a task stays escalated.
        Set<String> escalated = tasks.createTaskQuery().taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
                .taskCandidateGroup(ClaimReviewProcess.GROUP_DESK_LEADS).includeAssignedTasks().list().stream()
                .map(Task::getId).collect(Collectors.toSet());
        Instant now = clock.instant();
        for (Task task : page) {
            Claim claim = byId.get(claimOf.get(task.getProcessInstanceId()));
            if (claim == null) {
                continue;
            }
            boolean returned = ClaimReviewProcess.Element.TASK_VERIFY_CLAIM.equals(task.getTaskDefinitionKey())
                    && Decision.RETURN.name().equals(decisionOf.get(task.getProcessInstanceId()));
            openTasks.insert(new OpenTask(task.getId(), claim.id(), claim.articleId(), task.getTaskDefinitionKey(),
                    task.getName(), ClaimReviewProcess.groupOf(task.getTaskDefinitionKey()).orElseThrow(),
                    task.getAssignee(), claim.category(), claim.severity(), claim.flaggedBy(), claim.verifiedBy(),
                    returned, task.getPriority(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getCreateTime().toInstant(), escalated.contains(task.getId()) ? now : null));
        }
    }
}
