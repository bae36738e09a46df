package org.factdesk.claim;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The claim API: flag a claim on an article, and find claims by article and state. */
@RestController
class ClaimController {

    private final ClaimService claims;

    ClaimController(ClaimService claims) {
        this.claims = claims;
    }

    /** A claim as the API shows it. */
    record ClaimView(long id, long articleId, int revision, String quote, int start, int end, String prefix,
            String suffix, String scope, int occurrences, Category category, Severity severity, String replacement,
            String note, ClaimState state, String heldBy, String flaggedBy, String source, Instant flaggedAt, String verdict, String verifiedBy,
            String notice, String verdictNote, String decision, String decidedBy, String decisionComment,
            Integer publishedRevision,
            Instant updatedAt) {

        static ClaimView of(Claim c) {
            return new ClaimView(c.id(), c.articleId(), c.revision(), c.quote(), c.anchor().start(), c.anchor().end(),
                    c.anchor().prefix(), c.anchor().suffix(), c.allOccurrences() ? "ALL" : "ONE", c.occurrences(),
                    c.category(), c.severity(), c.replacement(), c.note(), c.state(), c.holder(), c.flaggedBy(), c.source(), c.flaggedAt(),
                    c.verdict(), c.verifiedBy(), c.notice(), c.verdictNote(), c.decision(), c.decidedBy(), c.decisionComment(),
                    c.publishedRevision(), c.updatedAt());
        }
    }

    @PostMapping("/api/articles/{articleId}/claims")
    ResponseEntity<ClaimView> flag(@PathVariable long articleId, @RequestBody FlagRequest request,
            Authentication caller) {
        Claim claim = claims.flag(articleId, request, caller.getName());
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(ClaimView.of(claim));
    }

    @GetMapping("/api/claims")
    List<ClaimView> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) ClaimState state) {
        return claims.search(articleId, state).stream().map(ClaimView::of).toList();
    }

    @GetMapping("/api/claims/{id}")
    ClaimView get(@PathVariable long id) {
        return ClaimView.of(claims.get(id));
    }
}
