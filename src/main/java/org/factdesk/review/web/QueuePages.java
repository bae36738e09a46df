package org.factdesk.review.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.Decision;
import org.factdesk.claim.Severity;
import org.factdesk.identity.Roles;
import org.factdesk.report.ReaderReport;
import org.factdesk.report.ReportService;
import org.factdesk.review.AssignTaskRequest;
import org.factdesk.review.BacklogWatch;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.review.DeskBacklog;
import org.factdesk.review.QueuePage;
import org.factdesk.review.QueueParameters;
import org.factdesk.review.QueueQuery;
import org.factdesk.review.ReaderReportProcess;
import org.factdesk.review.ReviewTask;
import org.factdesk.review.ReviewTaskService;
import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.factdesk.shared.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The review queue as a desk works it: tabs, filters (category, severity, step, article, order) and a search in one
 * GET form that works without script, a view grouped by article, and on each row the task's actions: take it, give
 * it back, or assign it to a colleague. The actions work in place (the page's script asks for the updated row) and
 * without script (a redirect back to the same view, with a message).
 */
@Page
@RequestMapping("/tasks")
class QueuePages {

    /** Where a form may send its sender back to: the queue itself, with its tab, filters and page. */
    private static final Pattern BACK_TO_QUEUE = Pattern.compile("/tasks(\\?[^\\s#]*)?");

    private final ReviewTaskService reviewTasks;
    private final BacklogWatch backlog;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Refusals refusals;
    private final ReportService reports;

    QueuePages(ReviewTaskService reviewTasks, BacklogWatch backlog, ClaimService claims, ArticleService articles,
            Refusals refusals, ReportService reports) {
        this.reviewTasks = reviewTasks;
        this.backlog = backlog;
        this.claims = claims;
        this.articles = articles;
        this.refusals = refusals;
        this.reports = reports;
    }

    /**
     * One line of the queue.
     *
     * @param flaggedBy who flagged the claim; "a reader" for a reader report's triage
     * @param returnedBy the editor who sent the claim back to this Verify claim; null if it was not returned
     * @param assignees the colleagues the viewer may give the task to; empty when they may not assign it
     */
    record TaskRow(String id, String name, boolean verify, Long claimId, long articleId, String headline,
            String quote, Category category, Severity severity, ClaimState state, String assignee, boolean mine,
            Instant created, Instant due, int priority, String fourEyes, boolean legal, String flaggedBy,
            String returnedBy, List<String> assignees) {

        /** The name the row's buttons carry for a screen reader: the task and its quote. */
        public String label() {
            return " " + name + " for " + quote;
        }
    }

    /** The rows of one article in the grouped view, in queue order; the article's most urgent task comes first. */
    record ArticleGroup(long articleId, String headline, List<TaskRow> rows) {
    }

    /** An article the filter offers. */
    record ArticleChoice(long id, String headline) {
    }

    /** The tabs of the queue and their names. */
    private static final Map<String, String> TABS = tabs();

    /** The steps the filter offers, by their definition keys, in the order a claim meets them. */
    private static final Map<String, String> STEPS = steps();

    /** How many recent articles the article filter lists (with the filtered one, if older). */
    private static final int ARTICLE_CHOICES = 40;

    @GetMapping
    String queue(QueueParameters parameters, @RequestParam(required = false) String group, Authentication me,
            Model model) {
        String user = me.getName();
        QueueQuery query = parameters.toQuery();
        QueuePage page = reviewTasks.queue(user, query);
        List<TaskRow> rows = rows(page.tasks(), user);
        boolean grouped = "article".equals(group);
        model.addAttribute("rows", rows);
        model.addAttribute("grouped", grouped);
        model.addAttribute("groups", grouped ? byArticle(rows) : List.of());
        model.addAttribute("total", page.total());
        model.addAttribute("tab", query.tab());
        model.addAttribute("tabs", TABS);
        model.addAttribute("tabLinks", tabLinks());
        model.addAttribute("query", query);
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("steps", STEPS);
        model.addAttribute("articleChoices", articleChoices(query.articleId()));
        model.addAttribute("filtered", filtered(query));
        model.addAttribute("clearLink", clearLink(query.tab(), grouped));
        model.addAttribute("here", here());
        model.addAttribute("page", page.page());
        model.addAttribute("lastPage", page.lastPage());
        model.addAttribute("pageLink", ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page")
                .queryParam("page", "").build().toUriString());
        QueueQuery all = QueueQuery.firstPage();
        model.addAttribute("mineCount", reviewTasks.count(user, tab(all, QueueQuery.Tab.MINE)));
        model.addAttribute("overdueCount", reviewTasks.count(user, tab(all, QueueQuery.Tab.OVERDUE)));
        // Desk leads watch every desk: a desk whose overdue tasks passed the threshold stands above their queue.
        if (me.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.DESK_LEADS).equals(a.getAuthority()))) {
            model.addAttribute("backlogAlerts", backlog.desks().stream().filter(DeskBacklog::alerting).toList());
        }
        return "tasks";
    }

    @PostMapping("/{id}/claim")
    ModelAndView claim(@PathVariable String id, @RequestParam(required = false) String back,
            @RequestParam(required = false) String from, Authentication me,
            @RequestHeader(value = Page.FRAGMENT_HEADER, required = false) String fragment, RedirectAttributes flash) {
        return act(id, me, fragment, back, from, flash, reviewTasks::claim,
                row -> "You hold \u201c" + row.name() + "\u201d for \u201c" + row.quote() + "\u201d.");
    }

    @PostMapping("/{id}/unclaim")
    ModelAndView unclaim(@PathVariable String id, @RequestParam(required = false) String back,
            @RequestParam(required = false) String from, Authentication me,
            @RequestHeader(value = Page.FRAGMENT_HEADER, required = false) String fragment, RedirectAttributes flash) {
        return act(id, me, fragment, null, from, flash, reviewTasks::unclaim,
                row -> "\u201c" + row.name() + "\u201d for \u201c" + row.quote() + "\u201d is back in the queue.");
    }

    /**
     * Gives the task to a colleague. {@code holder} is who the page showed holding it (empty for nobody), so that a
     * task that changed hands in the meantime is not taken from its new holder.
     */
    @PostMapping("/{id}/assign")
    ModelAndView assign(@PathVariable String id, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String holder, @RequestParam(required = false) String from,
            Authentication me, @RequestHeader(value = Page.FRAGMENT_HEADER, required = false) String fragment,
            RedirectAttributes flash) {
        return act(id, me, fragment, null, from, flash,
                (task, user) -> reviewTasks.assign(task, user, new AssignTaskRequest(assignee,
                        holder == null ? "" : holder)),
                row -> "\u201c" + row.name() + "\u201d for \u201c" + row.quote() + "\u201d is now with "
                        + row.assignee() + ".");
    }

    private ModelAndView act(String id, Authentication me, String fragment, String back, String from,
            RedirectAttributes flash, BiFunction<String, String, ReviewTask> action, Function<TaskRow, String> done) {
        String user = me.getName();
        TaskRow row;
        String message;
        Refusal refusal = null;
        try {
            ReviewTask task = action.apply(id, user);
            TaskRow changed = row(task, user);
            message = done.apply(changed);
            // A task given to someone else has left the giver's queue.
            row = inQueueOf(task, user) ? changed : null;
        } catch (RuntimeException e) {
            refusal = refusals.of(e);
            if (refusal.isFault()) {
                throw e;
            }
            message = PageWords.explain(refusal);
            row = currentRow(id, user);
        }
        if (fragment != null) {
            ModelAndView update = new ModelAndView("tasks :: update");
            update.addObject("row", row);
            update.addObject("message", message);
            update.addObject("ok", refusal == null);
            update.addObject("here", backTo(from));
            if (refusal != null) {
                update.setStatus(refusal.status());
            }
            return update;
        }
        flash.addFlashAttribute(refusal == null ? "success" : "problem", message);
        boolean toTask = "task".equals(back) && refusal == null;
        return new ModelAndView("redirect:" + (toTask ? "/tasks/" + id : backTo(from)));
    }

    /** The row of a task the viewer still has in their queue after a refusal, or null when it has left it. */
    private TaskRow currentRow(String id, String user) {
        try {
            ReviewTask task = reviewTasks.get(id, user);
            return inQueueOf(task, user) ? row(task, user) : null;
        } catch (RuntimeException gone) {
            if (refusals.of(gone).isFault()) {
                throw gone;
            }
            return null;
        }
    }

    private static boolean inQueueOf(ReviewTask task, String user) {
        return task.assignee() == null || task.assignee().equals(user);
    }

    /** The queue view a form came from, or the queue itself; never a page elsewhere. */
    private static String backTo(String from) {
        return from != null && BACK_TO_QUEUE.matcher(from).matches() ? from : "/tasks";
    }

    private static QueueQuery tab(QueueQuery query, QueueQuery.Tab tab) {
        return new QueueQuery(tab, query.articleId(), query.claimId(), query.category(), query.severity(),
                query.step(), query.dueBefore(), query.sort(), 0, 1);
    }

    private static Map<String, String> tabs() {
        Map<String, String> tabs = new LinkedHashMap<>();
        tabs.put(QueueQuery.Tab.ALL.name(), "All");
        tabs.put(QueueQuery.Tab.MINE.name(), "Mine");
        tabs.put(QueueQuery.Tab.UNASSIGNED.name(), "Unassigned");
        tabs.put(QueueQuery.Tab.RETURNED.name(), "Returned");
        tabs.put(QueueQuery.Tab.OVERDUE.name(), "Overdue");
        return tabs;
    }

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put(ReaderReportProcess.Element.TASK_TRIAGE_REPORT, "Triage report");
        steps.put(ClaimReviewProcess.Element.TASK_VERIFY_CLAIM, "Verify claim");
        steps.put(ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION, "Approve correction");
        steps.put(ClaimReviewProcess.Element.TASK_LEGAL_REVIEW, "Legal review");
        return steps;
    }

    /** Each tab's link, keeping the filters, the search and the view of this request, from the first page. */
    private static Map<String, String> tabLinks() {
        Map<String, String> links = new LinkedHashMap<>();
        for (String tab : TABS.keySet()) {
            links.put(tab, ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page")
                    .replaceQueryParam("tab", tab.toLowerCase(java.util.Locale.ROOT)).build().toUriString());
        }
        return links;
    }

    /** This request's queue view, as a path and query, for the row forms to come back to. */
    private static String here() {
        String query = ServletUriComponentsBuilder.fromCurrentRequest().build().getQuery();
        return "/tasks" + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static String clearLink(QueueQuery.Tab tab, boolean grouped) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/tasks");
        if (tab != QueueQuery.Tab.ALL) {
            link.queryParam("tab", tab.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (grouped) {
            link.queryParam("group", "article");
        }
        return link.build().toUriString();
    }

    private static boolean filtered(QueueQuery query) {
        return query.category() != null || query.severity() != null || query.step() != null
                || query.articleId() != null || query.claimId() != null || query.search() != null
                || query.dueBefore() != null || query.sort() != QueueQuery.Sort.PRIORITY;
    }

    private List<ArticleChoice> articleChoices(Long filtered) {
        List<ArticleChoice> choices = new ArrayList<>();
        for (Article article : articles.recent(ARTICLE_CHOICES)) {
            choices.add(new ArticleChoice(article.id(), article.headline()));
        }
        if (filtered != null && choices.stream().noneMatch(choice -> choice.id() == filtered)) {
            articles.all(List.of(filtered)).values().forEach(article -> choices.add(0,
                    new ArticleChoice(article.id(), article.headline())));
        }
        return choices;
    }

    /** The page's rows under their articles, each article where its first (most urgent) row stands. */
    static List<ArticleGroup> byArticle(List<TaskRow> rows) {
        Map<Long, List<TaskRow>> byArticle = new LinkedHashMap<>();
        Map<Long, String> headlines = new LinkedHashMap<>();
        for (TaskRow row : rows) {
            byArticle.computeIfAbsent(row.articleId(), id -> new ArrayList<>()).add(row);
            headlines.putIfAbsent(row.articleId(), row.headline());
        }
        List<ArticleGroup> groups = new ArrayList<>();
        byArticle.forEach((article, its) -> groups.add(new ArticleGroup(article, headlines.get(article), its)));
        return groups;
    }

    /** The rows of a page of tasks, with one query for their claims and one for their articles. */
    private List<TaskRow> rows(List<ReviewTask> tasks, String user) {
        // A reader report's triage has no claim yet: its row shows the reader's quote.
        Map<Long, Claim> claimsById = claims.all(tasks.stream().map(ReviewTask::claimId).filter(Objects::nonNull)
                .toList());
        Map<Long, Article> articlesById = articles.all(tasks.stream().map(ReviewTask::articleId).toList());
        Map<String, List<String>> assignees = reviewTasks.assignees(tasks, user, claimsById);
        List<TaskRow> rows = new ArrayList<>();
        for (ReviewTask task : tasks) {
            List<String> colleagues = assignees.getOrDefault(task.id(), List.of());
            if (task.reportId() != null && articlesById.containsKey(task.articleId())) {
                reports.find(task.reportId()).ifPresent(report -> rows.add(triageRow(task, report,
                        articlesById.get(task.articleId()), user, colleagues)));
            } else if (task.claimId() != null && claimsById.containsKey(task.claimId())) {
                rows.add(row(task, claimsById.get(task.claimId()), articlesById.get(task.articleId()), user,
                        colleagues));
            }
        }
        return rows;
    }

    private TaskRow row(ReviewTask task, String user) {
        List<String> colleagues = reviewTasks.assignees(List.of(task), user).getOrDefault(task.id(), List.of());
        if (task.reportId() != null) {
            return triageRow(task, reports.get(task.reportId()), articles.get(task.articleId()), user, colleagues);
        }
        return row(task, claims.get(task.claimId()), articles.get(task.articleId()), user, colleagues);
    }

    private static TaskRow triageRow(ReviewTask task, ReaderReport report, Article article, String user,
            List<String> assignees) {
        return new TaskRow(task.id(), task.name(), false, null, article.id(), article.headline(), report.quote(),
                null, null, null, task.assignee(), user.equals(task.assignee()), task.created(), task.due(),
                task.priority(), null, false, "a reader", null, assignees);
    }

    private static TaskRow row(ReviewTask task, Claim claim, Article article, String user, List<String> assignees) {
        boolean returned = task.returned() && claim.decision() == Decision.RETURN;
        return new TaskRow(task.id(), task.name(),
                ClaimReviewProcess.Element.TASK_VERIFY_CLAIM.equals(task.taskDefinitionKey()), claim.id(),
                article.id(), article.headline(), claim.quote(), claim.category(), claim.severity(),
                claim.state(), task.assignee(), user.equals(task.assignee()), task.created(), task.due(),
                task.priority(), ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION.equals(task.taskDefinitionKey())
                        ? TaskPages.fourEyes(claim, user)
                        : ClaimReviewProcess.Element.TASK_LEGAL_REVIEW.equals(task.taskDefinitionKey())
                        ? TaskPages.legalFourEyes(claim, user) : null,
                ClaimReviewProcess.Element.TASK_LEGAL_REVIEW.equals(task.taskDefinitionKey()), claim.flaggedBy(),
                returned ? claim.approval().by() : null, assignees);
    }
}
