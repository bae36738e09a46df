package org.factdesk.claim.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.factdesk.claim.Severity;
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
 * The articles and, for one article, its current text with every open claim marked by state, the claims' details,
 * and the form that flags a new claim from a selection of the text.
 */
@Page
@RequestMapping("/articles")
class ArticlePages {

    /** How many open claims, and closed ones, the lists beside the text show. */
    static final int LISTED_OPEN = 50;
    static final int LISTED_CLOSED = 20;

    private final ArticleService articles;
    private final ClaimService claims;
    private final List<ArticleSuggestions> suggestions;
    private final Refusals refusals;

    ArticlePages(ArticleService articles, ClaimService claims, List<ArticleSuggestions> suggestions,
            Refusals refusals) {
        this.articles = articles;
        this.claims = claims;
        this.suggestions = suggestions;
        this.refusals = refusals;
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
        Map<Long, Long> openCounts = claims.openCounts();
        List<ArticleRow> rows = articles.list().stream()
                .sorted(Comparator.comparing((Article a) -> a.updatedAt() != null ? a.updatedAt() : a.publishedAt())
                        .reversed())
                .map(a -> new ArticleRow(a, openCounts.getOrDefault(a.id(), 0L)))
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
            Refusal refusal = refusals.of(e);
            if (refusal.isFault() || "article-not-found".equals(refusal.type())) {
                throw e;
            }
            response.setStatus(refusal.status().value());
            return page(id, model, form, FlagProblem.of(refusal, form));
        }
        // The claim's words in the text when they are marked there; its entry in the list when an earlier claim's
        // mark covers them.
        boolean marked = marks(id, articles.current(id), open(id)).contains("claim-" + claim.id());
        flash.addFlashAttribute("success", "Claim " + claim.id() + " flagged: \u201c" + claim.quote() + "\u201d is "
                + (marked ? "highlighted in the text" : "listed under Open claims")
                + " and in the fact-checkers\u2019 queue.");
        return "redirect:/articles/" + id + "#claim-" + claim.id() + (marked ? "" : "-info");
    }

    private String page(long id, Model model, FlagForm form) {
        return page(id, model, form, null);
    }

    private String page(long id, Model model, FlagForm form, FlagProblem problem) {
        Article article = articles.get(id);
        ArticleRevision current = articles.current(id);
        List<Claim> all = claims.search(id, null).stream().sorted(Comparator.comparingLong(Claim::id)).toList();
        List<Claim> open = all.stream().filter(c -> c.state().isOpen()).toList();
        List<ArticleText.Span> spans = claimSpans(id, current, open);
        List<ArticleSuggestions.Suggested> openSuggestions = openSuggestions(id, current, spans);
        for (ArticleSuggestions.Suggested suggestion : openSuggestions) {
            spans.add(new ArticleText.Span(suggestion.start(), suggestion.start() + suggestion.quote().length(),
                    new ArticleText.Mark("suggestion-" + suggestion.id(), "suggestion", "SUGGESTION",
                            "Suggestion \u00b7 " + suggestion.category(), suggestionTip(suggestion))));
        }
        List<ArticleText.Paragraph> paragraphs = ArticleText.of(current.body(), spans);
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("paragraphs", paragraphs);
        model.addAttribute("suggestions", openSuggestions);
        // Every open claim is marked in the text; the lists beside it show the newest, so the page stays readable
        // (and light) on an article with thousands of claims: the queue, filtered to the article, has them all.
        List<Claim> closed = all.stream().filter(c -> !c.state().isOpen()).toList();
        model.addAttribute("open", newest(open, LISTED_OPEN));
        model.addAttribute("openCount", open.size());
        model.addAttribute("closed", newest(closed, LISTED_CLOSED));
        model.addAttribute("closedCount", closed.size());
        model.addAttribute("corrections", articles.corrections(id));
        model.addAttribute("categories", Category.values());
        model.addAttribute("severities", Severity.values());
        FlagForm shown = form != null ? form
                : new FlagForm(null, null, false, null, Severity.MEDIUM.name(), null, null);
        model.addAttribute("form", shown);
        model.addAttribute("position", form == null ? null : FlagPosition.of(current.body(), form.quote(),
                form.start()));
        if (problem != null) {
            Long other = problem.claimId();
            Set<String> anchors = anchors(paragraphs);
            model.addAttribute("flagProblem", problem.linkedTo(other == null ? null
                    : "#claim-" + other + (anchors.contains("claim-" + other) ? "" : "-info")));
        }
        return "article";
    }

    /** The last {@code limit} of claims in id order: the newest, still oldest first. */
    private static List<Claim> newest(List<Claim> claims, int limit) {
        return claims.size() <= limit ? claims : claims.subList(claims.size() - limit, claims.size());
    }

    private List<Claim> open(long id) {
        return claims.search(id, null).stream().filter(c -> c.state().isOpen())
                .sorted(Comparator.comparingLong(Claim::id)).toList();
    }

    /** Where each open claim stands in the current text, found again after earlier corrections moved it. */
    private List<ArticleText.Span> claimSpans(long id, ArticleRevision current, List<Claim> open) {
        List<ArticleText.Span> spans = new ArrayList<>();
        Map<Integer, String> bodies = new HashMap<>();
        for (Claim claim : open) {
            String flaggedOn = bodies.computeIfAbsent(claim.revision(), n -> articles.revision(id, n).body());
            for (int start : claim.placesIn(flaggedOn, current.body())) {
                spans.add(new ArticleText.Span(start, start + claim.quote().length(), new ArticleText.Mark(
                        "claim-" + claim.id(), "claim", claim.state().name(),
                        claim.state().label() + " \u00b7 " + claim.category(), tip(claim))));
            }
        }
        return spans;
    }

    /** The ids of the claims' marks the text shows (a claim overlapping an earlier one's words has none). */
    private Set<String> marks(long id, ArticleRevision current, List<Claim> open) {
        return anchors(ArticleText.of(current.body(), claimSpans(id, current, open)));
    }

    private static Set<String> anchors(List<ArticleText.Paragraph> paragraphs) {
        return paragraphs.stream().flatMap(p -> p.pieces().stream()).map(ArticleText.Piece::anchor)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The open suggestions that do not overlap a claim already marked: a claim on the same words says more. */
    private List<ArticleSuggestions.Suggested> openSuggestions(long id, ArticleRevision current,
            List<ArticleText.Span> claimed) {
        return suggestions.stream().flatMap(source -> source.open(id, current).stream())
                .filter(suggestion -> claimed.stream().noneMatch(span -> span.start() < suggestion.start()
                        + suggestion.quote().length() && suggestion.start() < span.end()))
                .sorted(Comparator.comparingInt(ArticleSuggestions.Suggested::start))
                .toList();
    }

    private static String suggestionTip(ArticleSuggestions.Suggested suggestion) {
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

    private static String tip(Claim claim) {
        StringBuilder tip = new StringBuilder();
        tip.append(claim.state().label()).append(" \u00b7 ").append(claim.category()).append(" \u00b7 claim ")
                .append(claim.id());
        if (claim.replacement() != null) {
            tip.append("\nProposed: \u201c").append(claim.replacement()).append('\u201d');
        }
        tip.append("\nFlagged by ").append(claim.flaggedBy());
        if (claim.holder() != null) {
            tip.append(" \u00b7 held by ").append(claim.holder());
        }
        if (claim.flag().note() != null) {
            tip.append('\n').append(claim.flag().note());
        }
        return tip.toString();
    }
}
