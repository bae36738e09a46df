package org.factdesk.detection;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.factdesk.claim.Category;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The detection API: scan a text before publication, and list, accept or dismiss an article's suggestions. */
@RestController
class SuggestionController {

    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    /** A finding in a scanned text, as the scan command prints it (without the file). */
    record Finding(int start, int end, String quote, Category category, String suggestion, String explanation,
            double confidence, String detector) {

        static Finding of(Suggestion s) {
            return new Finding(s.start(), s.end(), s.quote(), s.category(), s.suggestion(), s.explanation(),
                    s.confidence(), s.detector());
        }
    }

    /** A stored suggestion as the API shows it. */
    record SuggestionView(long id, long articleId, int revision, String detector, Category category, int start,
            int end, String quote, String suggestion, String explanation, double confidence,
            StoredSuggestion.State state, Long claimId, Instant createdAt, String decidedBy, Instant decidedAt) {

        static SuggestionView of(StoredSuggestion s) {
            return new SuggestionView(s.id(), s.articleId(), s.revision(), s.detector(), s.category(),
                    s.anchor().start(), s.anchor().end(), s.quote(), s.replacement(), s.explanation(), s.confidence(),
                    s.state(), s.claimId(), s.createdAt(), s.decidedBy(), s.decidedAt());
        }
    }

    /** The claim an accepted suggestion became. */
    record AcceptedClaim(long id, long articleId, int revision, String quote, int start, int end, Category category,
            String replacement, String note, ClaimState state, String flaggedBy, String source, Instant flaggedAt) {

        static AcceptedClaim of(Claim c) {
            return new AcceptedClaim(c.id(), c.articleId(), c.revision(), c.quote(), c.anchor().start(),
                    c.anchor().end(), c.category(), c.replacement(), c.flag().note(), c.state(), c.flaggedBy(),
                    c.flag().source(), c.flag().at());
        }
    }

    @PostMapping(path = "/api/scan", consumes = MediaType.TEXT_PLAIN_VALUE)
    List<Finding> scan(@RequestBody String article) {
        return suggestions.scanText(article).stream().map(Finding::of).toList();
    }

    @GetMapping("/api/articles/{articleId}/suggestions")
    List<SuggestionView> list(@PathVariable long articleId) {
        return suggestions.forArticle(articleId).stream().map(SuggestionView::of).toList();
    }

    /** Scans the article's current text again, now, and answers its suggestions. */
    @PostMapping("/api/articles/{articleId}/suggestions/scan")
    List<SuggestionView> rescan(@PathVariable long articleId) {
        return suggestions.rescan(articleId).stream().map(SuggestionView::of).toList();
    }

    @PostMapping("/api/articles/{articleId}/suggestions/{suggestionId}/accept")
    ResponseEntity<AcceptedClaim> accept(@PathVariable long articleId, @PathVariable long suggestionId,
            Authentication caller) {
        Claim claim = suggestions.accept(articleId, suggestionId, caller.getName());
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(AcceptedClaim.of(claim));
    }

    @PostMapping("/api/articles/{articleId}/suggestions/{suggestionId}/dismiss")
    SuggestionView dismiss(@PathVariable long articleId, @PathVariable long suggestionId, Authentication caller) {
        return SuggestionView.of(suggestions.dismiss(articleId, suggestionId, caller.getName()));
    }
}
