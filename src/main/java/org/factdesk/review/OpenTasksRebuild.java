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
import org.factdesk.article.Article;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Decision;
import org.factdesk.report.ReaderReport;
import org.factdesk.report.ReportService;
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
    private final ReportService reports;
    private final ArticleService articles;

    OpenTasksRebuild(TaskService tasks, RuntimeService runtime, ClaimService claims, OpenTasks openTasks,
            TransactionTemplate transaction, Clock clock, ReportService reports, ArticleService articles) {
        this.articles = articles;
        this.tasks = tasks;
        this.runtime = runtime;
        this.claims = claims;
        this.openTasks = openTasks;
        this.transaction = transaction;
        this.clock = clock;
        this.reports = reports;
    }

    /** The processes whose user tasks the desk's queue holds. */
    private static final String[] QUEUED = {ClaimReviewProcess.PROCESS_ID, ReaderReportProcess.PROCESS_ID};

    @Override
    public void run(ApplicationArguments args) {
        long inEngine = tasks.createTaskQuery().processDefinitionKeyIn(QUEUED).count();
        if (inEngine == openTasks.count()) {
            refillSearchText();
            // The desks' sizes are cheap to recount, and right again after anything wrote the table by hand.
            transaction.executeWithoutResult(status -> openTasks.recountQueueSizes());
            return;
        }
        log.info("Rebuilding the open review tasks from the engine ({} there, {} in FactDesk's table)", inEngine,
                openTasks.count());
        transaction.executeWithoutResult(status -> {
            openTasks.removeAll();
            for (int first = 0; ; first += PAGE) {
                List<Task> page = tasks.createTaskQuery().processDefinitionKeyIn(QUEUED)
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
        Map<String, String> keyOf = new HashMap<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
            keyOf.put(instance.getId(), instance.getBusinessKey());
        }
        for (Task task : page) {
            if (!ReaderReportProcess.Element.TASK_TRIAGE_REPORT.equals(task.getTaskDefinitionKey())) {
                claimOf.put(task.getProcessInstanceId(), ReviewVariables.parseClaimId(keyOf.get(task.getProcessInstanceId())));
            }
        }
        Map<String, Object> decisionOf = new HashMap<>();
        for (VariableInstance decision : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableName(Var.DECISION).list()) {
            decisionOf.put(decision.getProcessInstanceId(), decision.getValue());
        }
        Map<Long, Claim> byId = claims.all(claimOf.values());
        Map<Long, Article> articleById = articles.all(byId.values().stream().map(Claim::articleId).toList());
        // Only an escalation (or an administrator) adds the desk leads to a task: such a task stays escalated.
        Set<String> escalated = tasks.createTaskQuery().taskIdIn(page.stream().map(Task::getId).toArray(String[]::new))
                .taskCandidateGroup(ClaimReviewProcess.GROUP_DESK_LEADS).includeAssignedTasks().list().stream()
                .map(Task::getId).collect(Collectors.toSet());
        Instant now = clock.instant();
        for (Task task : page) {
            if (ReaderReportProcess.Element.TASK_TRIAGE_REPORT.equals(task.getTaskDefinitionKey())) {
                triage(task, keyOf.get(task.getProcessInstanceId()));
                continue;
            }
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
                    task.getCreateTime().toInstant(), escalated.contains(task.getId()) ? now : null, null,
                    OpenTask.searchText(claim.quote(), headline(articleById.get(claim.articleId())))));
        }
    }

    private void triage(Task task, String businessKey) {
        ReaderReport report = reports.find(ReviewVariables.parseReportId(businessKey)).orElse(null);
        if (report == null) {
            return;
        }
        openTasks.insert(new OpenTask(task.getId(), null, report.articleId(), task.getTaskDefinitionKey(),
                task.getName(), ReaderReportProcess.GROUP_FACT_CHECKERS, task.getAssignee(), null, null,
                ReviewListening.READER, null, false, task.getPriority(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getCreateTime().toInstant(),
                null, report.id(), OpenTask.searchText(report.quote(),
                        headline(articles.all(List.of(report.articleId())).get(report.articleId())))));
    }

    /**
     * Rows opened before the queue had a search lack its text: it is filled from the claims, reports and articles
     * (through their features, never their tables), leaving the rest of each row (reminder, escalation) as it is.
     */
    private void refillSearchText() {
        long missing = openTasks.unsearchable();
        if (missing == 0) {
            return;
        }
        log.info("Filling the search text of {} open review tasks", missing);
        while (true) {
            List<OpenTask> page = openTasks.unsearchable(PAGE);
            if (page.isEmpty()) {
                return;
            }
            transaction.executeWithoutResult(status -> {
                Map<Long, Claim> byId = claims.all(page.stream().map(OpenTask::claimId)
                        .filter(java.util.Objects::nonNull).toList());
                Map<Long, Article> articleById = articles.all(page.stream().map(OpenTask::articleId).toList());
                for (OpenTask task : page) {
                    String quote = task.claimId() != null
                            ? (byId.containsKey(task.claimId()) ? byId.get(task.claimId()).quote() : null)
                            : task.reportId() == null ? null
                            : reports.find(task.reportId()).map(ReaderReport::quote).orElse(null);
                    openTasks.searchText(task.taskId(), OpenTask.searchText(quote,
                            headline(articleById.get(task.articleId()))));
                }
            });
        }
    }

    private static String headline(Article article) {
        return article == null ? null : article.headline();
    }
}
