package org.factdesk.detection.web;

import org.factdesk.claim.Claim;
import org.factdesk.detection.StoredSuggestion;
import org.factdesk.detection.SuggestionService;
import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.factdesk.shared.web.Page;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accepting a detector's suggestion (it becomes a claim) or dismissing it, from the article's desk page. */
@Page
@RequestMapping("/articles/{id}/suggestions/{suggestionId}")
class SuggestionPages {

    private final SuggestionService suggestions;
    private final Refusals refusals;

    SuggestionPages(SuggestionService suggestions, Refusals refusals) {
        this.suggestions = suggestions;
        this.refusals = refusals;
    }

    @PostMapping("/accept")
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

    @PostMapping("/dismiss")
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

    /** A refusal goes back to the article page as its message; a fault is the error page. */
    private String refused(RuntimeException e, long id, RedirectAttributes flash) {
        Refusal refusal = refusals.of(e);
        if (refusal.isFault()) {
            throw e;
        }
        flash.addFlashAttribute("problem", refusal.message());
        return "redirect:/articles/" + id;
    }
}
