package org.factdesk.claim;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.factdesk.article.CorrectionKind;
import org.factdesk.shared.Paged;
import org.factdesk.shared.Paging;
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

    /**
     * A claim as the API shows it: one flat object, its parts grouped here as the claim groups them. A part not given
     * yet (the verdict, the decision) leaves its fields out. {@code notice} and {@code replacement} are the final
     * ones, an editor's edit included, and {@code editedBy} who last wrote them.
     */
    record ClaimView(long id, long articleId, int revision, @JsonUnwrapped Quote quote, Category category,
            Severity severity, String replacement, String note, ClaimState state, String heldBy, String flaggedBy,
            String source, Instant flaggedAt, @JsonUnwrapped VerdictView verification,
            @JsonUnwrapped DecisionView approval, CorrectionKind kind, @JsonUnwrapped LegalView legal,
            Integer publishedRevision, Instant updatedAt, String editedBy) {

        /** Where the quote stood when it was flagged, and how many of its places the claim covers. */
        record Quote(String quote, int start, int end, String prefix, String suffix, String scope, int occurrences) {
        }

        record VerdictView(Verdict verdict, String verifiedBy, String notice, String verdictNote) {
        }

        record DecisionView(Decision decision, String decidedBy, String decisionComment) {
        }

        record LegalView(LegalDecision legalDecision, String legalBy, String legalNotice, String legalComment) {
        }

        static ClaimView of(Claim c) {
            Claim.Flag flag = c.flag();
            Quote quote = new Quote(c.quote(), flag.anchor().start(), flag.anchor().end(), flag.anchor().prefix(),
                    flag.anchor().suffix(), flag.allOccurrences() ? "ALL" : "ONE", flag.occurrences());
            VerdictView verdict = c.verification() == null ? null : new VerdictView(c.verdict(),
                    c.verifiedBy(), c.verification().notice(), c.verification().note());
            DecisionView decision = c.approval() == null ? null : new DecisionView(c.decision(), c.approval().by(),
                    c.approval().comment());
            LegalView legal = c.legal() == null ? null : new LegalView(c.legal().decision(), c.legal().by(),
                    c.legal().notice(), c.legal().comment());
            return new ClaimView(c.id(), c.articleId(), c.revision(), quote, flag.category(), flag.severity(),
                    c.replacement(), flag.note(), c.state(), c.holder(), flag.by(), flag.source(), flag.at(), verdict,
                    decision, c.kindOfUpdate(), legal, c.publishedRevision(), c.updatedAt(), c.lastEditedBy());
        }
    }

    @PostMapping("/api/articles/{articleId}/claims")
    ResponseEntity<ClaimView> flag(@PathVariable long articleId, @RequestBody FlagRequest request,
            Authentication caller) {
        Claim claim = claims.flag(articleId, request, caller.getName());
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(ClaimView.of(claim));
    }

    /**
     * A page of the claims, oldest first: a JSON array as it always was, with the total and the links to the other
     * pages in {@code X-Total-Count} and {@code Link}, as the queue answers.
     */
    @GetMapping("/api/claims")
    ResponseEntity<List<ClaimView>> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) ClaimState state, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paged<Claim> found = claims.page(articleId, state, Paging.of(page, size, ClaimService.DEFAULT_PAGE,
                ClaimService.MAX_PAGE));
        return ResponseEntity.ok().headers(found.headers()).body(found.items().stream().map(ClaimView::of).toList());
    }

    @GetMapping("/api/claims/{id}")
    ClaimView get(@PathVariable long id) {
        return ClaimView.of(claims.get(id));
    }
}
