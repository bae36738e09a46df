package org.factdesk.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.ClaimState;
import org.factdesk.claim.FlagRequest;
import org.factdesk.claim.Severity;
import org.factdesk.detection.StoredSuggestion;
import org.factdesk.detection.SuggestionService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The articles and, for one article, its current text with every open claim marked by state, the claims' details,
 * and the form that flags a new claim from a selection of the text.
 */
@Controller
@RequestMapping("/articles")
class ArticlePages {

    static final Set<ClaimState> OPEN = EnumSet.of(ClaimState.FLAGGED, ClaimState.IN_REVIEW,
            ClaimState.AWAITING_APPROVAL, ClaimState.PUBLISHING);

    private static final Labels LABELS = new Labels();

    private final ArticleService articles;
    private final ClaimService claims;
    private final SuggestionService suggestions;

    ArticlePages(ArticleService articles, ClaimService claims, SuggestionService suggestions) {
        this.articles = articles;
        this.claims = claims;
        this.suggestions = suggestions;
    }

    /** An open detector suggestion where it stands in today's text. */
    record SuggestionView(StoredSuggestion suggestion, int start) {
    }

    /** One article in the list, with how many of its claims are still open. */
    record ArticleRow(Article article, long openClaims) {
    }

    /** What the flag form sends: the selection (quote and start) or a typed quote, and what is wrong with it. */
    record FlagForm(String quote, Integer start, Boolean everyOccurrence, String category, String severity,
            String replacement, String note) {
    }

    @GetMapping
    String list(Model model) {
        List<ArticleRow> rows = articles.list().stream()
                .sorted(Comparator.comparing((Article a) -> a.updatedAt() != null ? a.updatedAt() : a.publishedAt())
                        .reversed())
                .map(a -> new ArticleRow(a, claims.search(a.id(), null).stream()
                        .filter(c -> OPEN.contains(c.state())).count()))
                .toList();
        model.addAttribute("rows", rows);
        return "articles";
    }

    @GetMapping("/{id}")
    String article(@PathVariable long id, Model model) {
        return page(id, model, null);
    }

    @PostMapping("/{id}/claims")
    String flag(@PathVariable long id, FlagForm form, Authentication me, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Claim claim;
        try {
            boolean all = Boolean.TRUE.equals(form.everyOccurrence());
            claim = claims.flag(id, new FlagRequest(form.quote(), null, all ? null : form.start(),
                    all ? FlagRequest.SCOPE_ALL : null, form.category(), form.severity(), form.replacement(),
                    form.note()), me.getName());
        } catch (RuntimeException e) {
            PageProblems.Refusal refusal = PageProblems.of(e);
            if (refusal.status().is5xxServerError() || refusal.type().endsWith("not-found")
                    && refusal.message().startsWith("There is no article")) {
                throw e;
            }
            response.setStatus(refusal.status().value());
            model.addAttribute("problem", explain(refusal, form));
            return page(id, model, form);
        }
        flash.addFlashAttribute("success", "Claim " + claim.id() + " flagged: \u201c" + claim.quote()
                + "\u201d is in the fact-checkers\u2019 queue.");
        return "redirect:/articles/" + id + "#claim-" + claim.id();
    }

    @PostMapping("/{id}/suggestions/{suggestionId}/accept")
    String accept(@PathVariable long id, @PathVariable long suggestionId, Authentication me,
            RedirectAttributes flash) {
        try {
            Claim claim = suggestions.accept(id, suggestionId, me.getName());
            flash.addFlashAttribute("success", "Suggestion accepted: claim " + claim.id() + " on \u201c"
                    + claim.quote() + "\u201d is in the fact-checkers\u2019 queue.");
            return "redirect:/articles/" + id + "#claim-" + claim.id() + "-info";
        } catch (RuntimeException e) {
            return refused(e, id, flash);
        }
    }

    @PostMapping("/{id}/suggestions/{suggestionId}/dismiss")
    String dismiss(@PathVariable long id, @PathVariable long suggestionId, Authentication me,
            RedirectAttributes flash) {
        try {
            StoredSuggestion dismissed = suggestions.dismiss(id, suggestionId, me.getName());
            flash.addFlashAttribute("success", "Suggestion on \u201c" + dismissed.quote()
                    + "\u201d dismissed; it will not be proposed again.");
        } catch (RuntimeException e) {
            return refused(e, id, flash);
        }
        return "redirect:/articles/" + id + "#suggestions";
    }

    private static String refused(RuntimeException e, long id, RedirectAttributes flash) {
        PageProblems.Refusal refusal = PageProblems.of(e);
        if (refusal.status().is5xxServerError()) {
            throw e;
        }
        flash.addFlashAttribute("problem", refusal.message());
        return "redirect:/articles/" + id;
    }

    private static String explain(PageProblems.Refusal refusal, FlagForm form) {
        return switch (refusal.type()) {
            case "ambiguous-quote" -> "\u201c" + form.quote() + "\u201d occurs more than once. Select the one you "
                    + "mean in the text, or tick \u201cEvery occurrence\u201d.";
            case "quote-not-found" -> "\u201c" + form.quote() + "\u201d is not in the current text. Select it in "
                    + "the article, or copy it exactly, including case and punctuation.";
            case "quote-not-at-start" -> "The text changed under your selection. Select the quote again.";
            default -> refusal.message();
        };
    }

    private String page(long id, Model model, FlagForm form) {
        Article article = articles.get(id);
        ArticleRevision current = articles.current(id);
        List<Claim> all = claims.search(id, null).stream().sorted(Comparator.comparingLong(Claim::id)).toList();
        List<Claim> open = all.stream().filter(c -> OPEN.contains(c.state())).toList();
        List<ArticleText.Span> spans = new ArrayList<>();
        Map<Integer, String> bodies = new HashMap<>();
        for (Claim claim : open) {
            String flaggedOn = bodies.computeIfAbsent(claim.revision(), n -> articles.revision(id, n).body());
            for (int start : ClaimText.places(flaggedOn, current.body(), claim)) {
                spans.add(new ArticleText.Span(start, start + claim.quote().length(), new ArticleText.Mark(
                        "claim-" + claim.id(), "claim", claim.state().name(),
                        label(claim.state()) + " \u00b7 " + claim.category(), tip(claim))));
            }
        }
        List<SuggestionView> openSuggestions = openSuggestions(id, current, spans, bodies);
        for (SuggestionView view : openSuggestions) {
            StoredSuggestion suggestion = view.suggestion();
            spans.add(new ArticleText.Span(view.start(), view.start() + suggestion.quote().length(),
                    new ArticleText.Mark("suggestion-" + suggestion.id(), "suggestion", "SUGGESTION",
                            "Suggestion \u00b7 " + suggestion.category(), suggestionTip(suggestion))));
        }
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("paragraphs", ArticleText.of(current.body(), spans));
        model.addAttribute("suggestions", openSuggestions);
        model.addAttribute("open", open);
        model.addAttribute("closed", all.stream().filter(c -> !OPEN.contains(c.state())).toList());
        model.addAttribute("corrections", articles.corrections(id));
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("form", form != null ? form
                : new FlagForm(null, null, false, null, Severity.MEDIUM.name(), null, null));
        return "article";
    }

    /**
     * The detector's open suggestions that still stand in today's text and do not overlap a claim already marked:
     * a claim on the same words says more than a suggestion.
     */
    private List<SuggestionView> openSuggestions(long id, ArticleRevision current, List<ArticleText.Span> claimed,
            Map<Integer, String> bodies) {
        List<SuggestionView> views = new ArrayList<>();
        for (StoredSuggestion suggestion : suggestions.forArticle(id)) {
            if (suggestion.state() != StoredSuggestion.State.OPEN) {
                continue;
            }
            String scanned = bodies.computeIfAbsent(suggestion.revision(), n -> articles.revision(id, n).body());
            suggestion.anchor().relocate(scanned, current.body()).ifPresent(anchor -> {
                boolean overlaps = claimed.stream().anyMatch(span -> span.start() < anchor.end()
                        && anchor.start() < span.end());
                if (!overlaps) {
                    views.add(new SuggestionView(suggestion, anchor.start()));
                }
            });
        }
        views.sort(Comparator.comparingInt(SuggestionView::start));
        return views;
    }

    private static String suggestionTip(StoredSuggestion suggestion) {
        StringBuilder tip = new StringBuilder("Suggestion \u00b7 ").append(suggestion.category()).append(" \u00b7 ")
                .append(suggestion.detector());
        if (suggestion.replacement() != null) {
            tip.append("\nProbably: \u201c").append(suggestion.replacement()).append('\u201d');
        }
        if (suggestion.explanation() != null) {
            tip.append('\n').append(suggestion.explanation());
        }
        return tip.toString();
    }

    static String label(ClaimState state) {
        return LABELS.state(state);
    }

    private static String tip(Claim claim) {
        StringBuilder tip = new StringBuilder();
        tip.append(label(claim.state())).append(" \u00b7 ").append(claim.category()).append(" \u00b7 claim ")
                .append(claim.id());
        if (claim.replacement() != null) {
            tip.append("\nProposed: \u201c").append(claim.replacement()).append('\u201d');
        }
        tip.append("\nFlagged by ").append(claim.flaggedBy());
        if (claim.holder() != null) {
            tip.append(" \u00b7 held by ").append(claim.holder());
        }
        if (claim.note() != null) {
            tip.append('\n').append(claim.note());
        }
        return tip.toString();
    }
}
