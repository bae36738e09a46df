package org.factdesk.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.identity.Roles;
import org.factdesk.shared.ParagraphDiff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles a claim's {@link ClaimBundle} from the claim, the article's revisions and the audit log. */
@Service
public class ClaimBundles {

    private final ClaimService claims;
    private final ArticleService articles;
    private final AuditRepository entries;

    ClaimBundles(ClaimService claims, ArticleService articles, AuditRepository entries) {
        this.claims = claims;
        this.articles = articles;
        this.entries = entries;
    }

    /** The bundle of one claim; an unknown claim is a 404 problem. */
    @Transactional(readOnly = true)
    @Roles.AuditReaders
    public ClaimBundle of(long claimId) {
        Claim claim = claims.get(claimId);
        List<AuditEntry> audit = entries.find(new AuditQuery(null, claimId, null, null, null));
        Claim.Flag raised = claim.flag();
        ClaimBundle.Flag flag = new ClaimBundle.Flag(claim.revision(), claim.quote(), raised.anchor().start(),
                raised.anchor().end(), raised.anchor().prefix(), raised.anchor().suffix(),
                raised.allOccurrences() ? "ALL" : "ONE", raised.occurrences(), raised.category().name(),
                raised.severity().name(), claim.replacement(), raised.note(), raised.source(), raised.by(),
                raised.at());
        Claim.Verification verified = claim.verification();
        ClaimBundle.Verdict verdict = verified == null ? null : new ClaimBundle.Verdict(verified.verdict().name(),
                verified.by(), verified.notice(), verified.note(), lastAt(audit, AuditAction.VERDICT));
        Claim.Approval decided = claim.approval();
        ClaimBundle.Approval approval = decided == null ? null : new ClaimBundle.Approval(
                decided.decision().name(), decided.by(), decided.comment(),
                claim.kindOfUpdate() == null ? null : claim.kindOfUpdate().name(), lastAt(audit,
                switch (decided.decision()) {
                    case APPROVE -> AuditAction.APPROVED;
                    case REJECT -> AuditAction.REJECTED;
                    case RETURN -> AuditAction.RETURNED;
                }));
        Claim.Legal reviewed = claim.legal();
        ClaimBundle.Legal legal = reviewed == null ? null : new ClaimBundle.Legal(reviewed.decision().name(),
                reviewed.by(), reviewed.notice(), reviewed.comment(), lastAt(audit, switch (reviewed.decision()) {
                    case CLEAR -> AuditAction.LEGAL_CLEARED;
                    case REWRITE -> AuditAction.NOTICE_REWRITTEN;
                    case BLOCK -> AuditAction.LEGAL_BLOCKED;
                }));
        ClaimBundle.Publication publication = articles.revisionPublishedFor(claimId).map(this::publication)
                .orElse(null);
        return new ClaimBundle(claim.id(), claim.articleId(), claim.state().name(), flag, verdict, approval, legal,
                publication, audit);
    }

    private ClaimBundle.Publication publication(ArticleRevision published) {
        ArticleRevision before = articles.revision(published.articleId(), published.revision() - 1);
        return new ClaimBundle.Publication(published.revision(), before.revision(),
                published.kind() == null ? null : published.kind().name(),
                published.notice() == null ? null : published.notice().full(), published.createdAt(),
                published.createdBy(), before.body(), published.body(), diff(before, published));
    }

    private static String diff(ArticleRevision before, ArticleRevision after) {
        return ParagraphDiff.unified("revision " + before.revision(), before.body(), "revision " + after.revision(),
                after.body());
    }

    private static Instant lastAt(List<AuditEntry> audit, AuditAction action) {
        Optional<AuditEntry> last = audit.stream().filter(e -> action.name().equals(e.action()))
                .reduce((first, second) -> second);
        return last.map(AuditEntry::at).orElse(null);
    }
}
