package org.factdesk.review.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.Severity;
import org.factdesk.report.ReaderReport;
import org.factdesk.report.ReportService;
import org.factdesk.report.Triage;
import org.factdesk.review.CompleteTaskRequest;
import org.factdesk.review.ReviewTask;
import org.factdesk.review.ReviewTaskService;
import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.factdesk.shared.web.ArticleText;
import org.factdesk.shared.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Triage report page: the reader's words marked in the article, what they said, and the three outcomes (accept as
 * a claim, merge into an open claim on the article, dismiss with a reason). The task's listener in the engine decides;
 * a refusal shows the page again with the reason.
 */
@Page
@RequestMapping("/tasks")
class TriagePages {

    private final ReviewTaskService reviewTasks;
    private final ReportService reports;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Refusals refusals;

    TriagePages(ReviewTaskService reviewTasks, ReportService reports, ClaimService claims, ArticleService articles,
            Refusals refusals) {
        this.reviewTasks = reviewTasks;
        this.reports = reports;
        this.claims = claims;
        this.articles = articles;
        this.refusals = refusals;
    }

    record TriageForm(String outcome, String category, String severity, String replacement, String note,
            Long mergeInto, String reason) {
    }

    @GetMapping("/{id}/triage")
    String triage(@PathVariable String id, Authentication me, Model model) {
        return page(reviewTasks.get(id, me.getName()), me.getName(), model, null);
    }

    @PostMapping("/{id}/triage")
    String complete(@PathVariable String id, TriageForm form, Authentication me, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String user = me.getName();
        ReviewTask task = reviewTasks.get(id, user);
        try {
            reviewTasks.complete(id, user, new CompleteTaskRequest(null, blank(form.replacement()), null,
                    blank(form.note()), null, null, null, blank(form.outcome()), blank(form.category()),
                    blank(form.severity()), form.mergeInto(), blank(form.reason())));
        } catch (RuntimeException e) {
            Refusal refusal = refusals.of(e);
            if (refusal.isFault()) {
                throw e;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("problem", refusal.message());
            return page(task, user, model, form);
        }
        ReaderReport report = reports.get(task.reportId());
        flash.addFlashAttribute("success", switch (report.state()) {
            case ACCEPTED -> "Accepted: claim " + report.claimId() + " is in the fact-checkers' queue.";
            case MERGED -> "Merged into claim " + report.claimId() + ".";
            default -> "Dismissed. Your reason is on the record.";
        });
        return "redirect:/tasks";
    }

    private String page(ReviewTask task, String user, Model model, TriageForm form) {
        ReaderReport report = reports.get(task.reportId());
        Article article = articles.get(task.articleId());
        ArticleRevision current = articles.current(article.id());
        Optional<TextAnchor> now = reports.whereNow(report);
        List<ArticleText.Span> spans = now.map(at -> List.of(new ArticleText.Span(at.start(), at.end(),
                new ArticleText.Mark("report-" + report.id(), "claim", ClaimState.FLAGGED.name(), "Report " + report.id(),
                        null))))
                .orElse(List.of());
        List<Claim> open = claims.search(article.id(), null).stream().filter(c -> c.state().isOpen()).toList();
        model.addAttribute("task", task);
        model.addAttribute("report", report);
        model.addAttribute("article", article);
        model.addAttribute("paragraphs", ArticleText.of(current.body(), spans));
        model.addAttribute("quoteGone", now.isEmpty());
        model.addAttribute("openClaims", open);
        model.addAttribute("heldByMe", user.equals(task.assignee()));
        model.addAttribute("assignees", reviewTasks.assignees(List.of(task), user).getOrDefault(task.id(), List.of()));
        model.addAttribute("outcomes", Arrays.asList(Triage.values()));
        model.addAttribute("categories", Arrays.asList(Category.values()));
        model.addAttribute("severities", Arrays.asList(Severity.values()));
        model.addAttribute("form", form != null ? form : new TriageForm(null, null, null, null, null, null, null));
        return "triage";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
