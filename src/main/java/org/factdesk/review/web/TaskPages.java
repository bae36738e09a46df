package org.factdesk.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.article.CorrectionNotice;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.Decision;
import org.factdesk.claim.LegalDecision;
import org.factdesk.claim.Verdict;
import org.factdesk.claim.Verdicts;
import org.factdesk.publication.CorrectionText;
import org.factdesk.publication.NoticeDrafts;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.review.CompleteTaskRequest;
import org.factdesk.review.FourEyes;
import org.factdesk.review.ReviewTask;
import org.factdesk.review.ReviewTaskService;
import org.factdesk.shared.ProblemException;
import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.factdesk.shared.web.ArticleText;
import org.factdesk.shared.web.Page;
import org.factdesk.shared.web.Times;
import org.factdesk.shared.web.WordDiff;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: Verify claim for fact-checkers, Approve correction for editors, Legal review for lawyers (a reader
 * report's Triage report has its page in {@link TriagePages}; the queue and its row actions are {@link QueuePages}).
 */
@Page
@RequestMapping("/tasks")
class TaskPages {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");

    private final ReviewTaskService reviewTasks;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Times times;
    private final Refusals refusals;

    TaskPages(ReviewTaskService reviewTasks, ClaimService claims, ArticleService articles, Times times,
            Refusals refusals) {
        this.reviewTasks = reviewTasks;
        this.claims = claims;
        this.articles = articles;
        this.times = times;
        this.refusals = refusals;
    }

    record VerifyForm(String verdict, String replacement, String notice, String note, String kind) {
    }

    /** The editor's form: their decision, comment and kind, and their own notice and corrected text. */
    record ApproveForm(String decision, String comment, String kind, String notice, String replacement) {
    }

    record LegalForm(String decision, String notice, String comment) {
    }

    @GetMapping("/{id}")
    String task(@PathVariable String id, Authentication me, Model model) {
        ReviewTask task = reviewTasks.get(id, me.getName());
        if (task.reportId() != null) {
            return "redirect:/tasks/" + id + "/triage";
        }
        return page(task, me.getName(), model, null, null, null);
    }

    @PostMapping("/{id}/verify")
    String verify(@PathVariable String id, VerifyForm form, Authentication me, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String user = me.getName();
        ReviewTask task = reviewTasks.get(id, user);
        Optional<String> refused = complete(task, user, new CompleteTaskRequest(blankToNull(form.verdict()),
                form.replacement(), form.notice(), form.note(), null, null, blankToNull(form.kind())), model, response,
                form, null, null);
        if (refused.isPresent()) {
            return refused.get();
        }
        // The engine accepted the verdict, so it names one: the listener normalised its spelling.
        flash.addFlashAttribute("success", switch (claims.get(claimOf(task)).verdict()) {
            case ERROR_CONFIRMED -> "Error confirmed. The correction is now with the editors.";
            case CLARIFICATION_NEEDED -> "Clarification drafted. It is now with the editors.";
            case NOT_AN_ERROR -> "Dismissed as not an error. Your reason is on the record.";
        });
        return "redirect:/tasks";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable String id, ApproveForm form, Authentication me, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String user = me.getName();
        ReviewTask task = reviewTasks.get(id, user);
        Claim before = claims.get(claimOf(task));
        // The fields come prefilled with the fact-checker's version: only a change is the editor's edit, so an
        // untouched field neither rewrites the notice nor blocks a return.
        String notice = changed(form.notice(), before.publishedNotice());
        String replacement = changed(form.replacement(), before.replacement());
        Optional<String> refused = complete(task, user, new CompleteTaskRequest(null, replacement, notice, null,
                blankToNull(form.decision()), form.comment(), blankToNull(form.kind())), model, response, null, form,
                null);
        if (refused.isPresent()) {
            return refused.get();
        }
        Claim decided = claims.get(claimOf(task));
        Decision decision = decided.decision();
        flash.addFlashAttribute("success", switch (decision) {
            case APPROVE -> decided.state() == ClaimState.LEGAL_REVIEW
                    ? "Approved. A lawyer reviews it before it is published."
                    : "Approved. The correction is being published and will be live in a moment.";
            case RETURN -> "Returned to the fact-checkers with your comment.";
            case REJECT -> "Rejected. The claim is dismissed and your reason is on the record.";
        });
        flash.addFlashAttribute("publicLink", decision == Decision.APPROVE && decided.state() != ClaimState.LEGAL_REVIEW
                ? "/public/articles/" + task.articleId() : null);
        return "redirect:/tasks";
    }

    @PostMapping("/{id}/legal")
    String legal(@PathVariable String id, LegalForm form, Authentication me, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        String user = me.getName();
        ReviewTask task = reviewTasks.get(id, user);
        Optional<String> refused = complete(task, user, new CompleteTaskRequest(null, null, form.notice(), null,
                blankToNull(form.decision()), form.comment()), model, response, null, null, form);
        if (refused.isPresent()) {
            return refused.get();
        }
        LegalDecision decision = claims.get(claimOf(task)).legal().decision();
        flash.addFlashAttribute("success", switch (decision) {
            case CLEAR -> "Cleared. The update is being published and will be live in a moment.";
            case REWRITE -> "Cleared with your notice. It is being published and will be live in a moment.";
            case BLOCK -> "Blocked. Nothing is published and your reason is on the record.";
        });
        flash.addFlashAttribute("publicLink", decision.publishes() ? "/public/articles/" + task.articleId() : null);
        return "redirect:/tasks";
    }

    /**
     * The form's value when it differs from the stored one (null when the field was not sent or is unchanged); an
     * emptied field is sent as empty, which the engine refuses where the text is needed.
     */
    private static String changed(String typed, String stored) {
        if (typed == null) {
            return null;
        }
        String stripped = typed.strip();
        return stripped.equals(stored == null ? "" : stored.strip()) ? null : stripped;
    }

    private String page(ReviewTask task, String user, Model model, VerifyForm verifyForm, ApproveForm approveForm,
            LegalForm legalForm) {
        Claim claim = claims.get(claimOf(task));
        Article article = articles.get(task.articleId());
        ArticleRevision current = articles.current(article.id());
        String flaggedOn = articles.revision(article.id(), claim.revision()).body();
        List<Integer> places = claim.placesIn(flaggedOn, current.body());
        List<ArticleText.Span> spans = new ArrayList<>();
        for (int start : places) {
            spans.add(new ArticleText.Span(start, start + claim.quote().length(), new ArticleText.Mark(
                    "claim-" + claim.id(), "claim", claim.state().name(), "Claim " + claim.id(), claim.flag().note())));
        }
        List<ArticleText.Paragraph> all = ArticleText.of(current.body(), spans);
        List<Integer> holding = CorrectionText.paragraphsOf(flaggedOn, current.body(), claim);
        model.addAttribute("task", task);
        model.addAttribute("claim", claim);
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("quoteGone", places.isEmpty());
        model.addAttribute("paragraphs", holding.stream().map(all::get).toList());
        model.addAttribute("heldByMe", user.equals(task.assignee()));
        model.addAttribute("links", links(claim.flag().note()));
        boolean returned = claim.decision() == Decision.RETURN;
        model.addAttribute("returned", returned ? claim.approval().comment() : null);
        model.addAttribute("returnedBy", returned ? claim.approval().by() : null);
        model.addAttribute("kinds", CorrectionKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FieldErrors.none());
        }
        model.addAttribute("assignees", reviewTasks.assignees(List.of(task), user).getOrDefault(task.id(), List.of()));
        if (ClaimReviewProcess.Element.TASK_VERIFY_CLAIM.equals(task.taskDefinitionKey())) {
            model.addAttribute("correctionDraft", NoticeDrafts.correction(claim));
            model.addAttribute("clarificationDraft", NoticeDrafts.clarification(claim));
            model.addAttribute("noticeHeading", new CorrectionNotice(CorrectionKind.CORRECTION, times.now(), "")
                    .heading());
            VerifyForm form = verifyForm != null ? verifyForm : returned ? earlierVerdict(claim)
                    : new VerifyForm(null, claim.replacement(), NoticeDrafts.correction(claim), null, null);
            model.addAttribute("form", form);
            Verdict verdict = PageWords.choice(Verdict.class, form.verdict());
            CorrectionKind kind = PageWords.choice(CorrectionKind.class, form.kind());
            model.addAttribute("preview", CorrectionPreview.of(claim, flaggedOn, current.body(),
                    kind != null ? kind : Verdicts.defaultKind(verdict), form.replacement(), form.notice(),
                    times.now()));
            return "verify";
        }
        boolean correction = claim.verdict() == Verdict.ERROR_CONFIRMED;
        model.addAttribute("correction", correction);
        model.addAttribute("noticePreview", NoticeDrafts.preview(claim, times.now()));
        if (ClaimReviewProcess.Element.TASK_LEGAL_REVIEW.equals(task.taskDefinitionKey())) {
            model.addAttribute("fourEyes", legalFourEyes(claim, user));
            model.addAttribute("noticePreview", NoticeDrafts.preview(claim, times.now()));
            model.addAttribute("form", legalForm != null ? legalForm
                    : new LegalForm(null, claim.publishedNotice(), null));
            return "legal";
        }
        model.addAttribute("fourEyes", fourEyes(claim, user));
        model.addAttribute("kindsOfVerdict", Verdicts.kindsFor(claim.verdict()));
        ApproveForm form = approveForm != null ? approveForm : new ApproveForm(null, null,
                claim.kindOfUpdate() == null ? null : claim.kindOfUpdate().name(), claim.publishedNotice(),
                claim.replacement());
        model.addAttribute("form", form);
        CorrectionKind kind = PageWords.choice(CorrectionKind.class, form.kind());
        model.addAttribute("preview", CorrectionPreview.of(claim, flaggedOn, current.body(),
                kind != null ? kind : claim.kindOfUpdate(),
                form.replacement() != null ? form.replacement() : claim.replacement(),
                form.notice() != null ? form.notice() : claim.publishedNotice(), times.now()));
        return "approve";
    }

    /**
     * Completes the task with the form. A refusal (a 4xx) shows the same page again with the reason and its status,
     * the form as it was filled in; anything else is a fault and propagates.
     */
    private Optional<String> complete(ReviewTask task, String user, CompleteTaskRequest request, Model model,
            HttpServletResponse response, VerifyForm verifyForm, ApproveForm approveForm, LegalForm legalForm) {
        try {
            reviewTasks.complete(task.id(), user, request);
            return Optional.empty();
        } catch (RuntimeException e) {
            Refusal refusal = refusals.of(e);
            if (refusal.isFault()) {
                throw e;
            }
            response.setStatus(refusal.status().value());
            // Shown once: under its field where it is about one, else above the form (not in the page's head too).
            model.addAttribute("errors", FieldErrors.of(refusal, formFields(task), PageWords.explain(refusal)));
            return Optional.of(page(task, user, model, verifyForm, approveForm, legalForm));
        }
    }

    /** The fields of the task's form, in the order the page shows them (the first invalid one takes the focus). */
    private static List<String> formFields(ReviewTask task) {
        if (ClaimReviewProcess.Element.TASK_VERIFY_CLAIM.equals(task.taskDefinitionKey())) {
            return List.of("verdict", "replacement", "notice", "kind", "note");
        }
        if (ClaimReviewProcess.Element.TASK_LEGAL_REVIEW.equals(task.taskDefinitionKey())) {
            return List.of("notice", "comment");
        }
        return List.of("kind", "replacement", "notice", "comment");
    }

    /**
     * The verdict the fact-checker gave before an editor returned the claim, to work from rather than start again:
     * its verdict, corrected text, notice, kind and note.
     */
    private static VerifyForm earlierVerdict(Claim claim) {
        Claim.Verification earlier = claim.verification();
        if (earlier == null) {
            return new VerifyForm(null, claim.replacement(), NoticeDrafts.correction(claim), null, null);
        }
        return new VerifyForm(earlier.verdict().name(), claim.replacement(),
                earlier.notice() != null ? earlier.notice() : NoticeDrafts.correction(claim), earlier.note(),
                claim.kind() == null ? null : claim.kind().name());
    }

    /** Why the four-eyes rule keeps this editor from approving, or null when it does not. */
    static String fourEyes(Claim claim, String user) {
        return FourEyes.conflict(claim, user)
                .map(role -> "You " + role + " this claim, so you cannot approve its correction.")
                .orElse(null);
    }

    /** Why the four-eyes rule keeps this lawyer from the legal review, or null when it does not. */
    static String legalFourEyes(Claim claim, String user) {
        return FourEyes.legalConflict(claim, user)
                .map(role -> "You " + role + " this claim, so you cannot give its legal review.")
                .orElse(null);
    }

    /** The claim of a review task; a reader report's triage has none, and has its own page (TriagePages). */
    private static long claimOf(ReviewTask task) {
        if (task.claimId() == null) {
            throw ProblemException.badRequest("triage-not-on-pages", "'" + task.name() + "' is the triage of reader "
                    + "report " + task.reportId() + "; work it in Tasklist or through POST /api/tasks/" + task.id()
                    + "/complete.");
        }
        return task.claimId();
    }

    private static List<String> links(String note) {
        List<String> links = new ArrayList<>();
        if (note != null) {
            Matcher matcher = LINK.matcher(note);
            while (matcher.find()) {
                links.add(matcher.group().replaceAll("[.,;:]+$", ""));
            }
        }
        return links;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
