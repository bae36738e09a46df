package org.factdesk.review.web;

import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Verdict;
import org.factdesk.claim.Verdicts;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.review.ReviewTask;
import org.factdesk.review.ReviewTaskService;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;
import org.factdesk.shared.web.Page;
import org.factdesk.shared.web.Times;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The live preview of Verify claim and Approve correction: the word diff and the notice as readers will read them,
 * for the corrected text and notice as typed, rendered with publication's own text code so the preview is what will
 * be published. Only someone who may open the task may ask (the same rule as its page), and the inputs are held to
 * the form's own limits.
 */
@Page
@RequestMapping("/tasks")
class TaskPreviews {

    private final ReviewTaskService reviewTasks;
    private final ClaimService claims;
    private final ArticleService articles;
    private final Times times;

    TaskPreviews(ReviewTaskService reviewTasks, ClaimService claims, ArticleService articles, Times times) {
        this.reviewTasks = reviewTasks;
        this.claims = claims;
        this.articles = articles;
        this.times = times;
    }

    @GetMapping("/{id}/preview")
    String preview(@PathVariable String id, @RequestParam(required = false) String replacement,
            @RequestParam(required = false) String notice, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String verdict, Authentication me, Model model) {
        InputLimits.check("replacement", replacement, InputLimits.REPLACEMENT);
        InputLimits.check("notice", notice, InputLimits.NOTICE);
        InputLimits.check("kind", kind, InputLimits.CHOICE);
        InputLimits.check("verdict", verdict, InputLimits.CHOICE);
        ReviewTask task = reviewTasks.get(id, me.getName());
        boolean verify = ClaimReviewProcess.Element.TASK_VERIFY_CLAIM.equals(task.taskDefinitionKey());
        if (task.claimId() == null || !(verify
                || ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION.equals(task.taskDefinitionKey()))) {
            throw ProblemException.notFound("no-preview", "'" + task.name() + "' has no preview of a correction.");
        }
        Claim claim = claims.get(task.claimId());
        CorrectionKind chosen = PageWords.choice(CorrectionKind.class, kind);
        if (chosen == null) {
            chosen = verify ? Verdicts.defaultKind(PageWords.choice(Verdict.class, verdict)) : claim.kindOfUpdate();
        }
        String flaggedOn = articles.revision(claim.articleId(), claim.revision()).body();
        String current = articles.current(claim.articleId()).body();
        model.addAttribute("claim", claim);
        model.addAttribute("preview", CorrectionPreview.of(claim, flaggedOn, current, chosen, replacement, notice,
                times.now()));
        return "preview :: preview";
    }
}
