package org.factdesk.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.springframework.security.access.prepost.PreAuthorize;
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
    @PreAuthorize("hasAnyRole('EDITORS', 'AUDITORS', 'ADMINS')")
    public ClaimBundle of(long claimId) {
        Claim claim = claims.get(claimId);
        List<AuditEntry> audit = entries.find(new AuditQuery(null, claimId, null, null, null));
        ClaimBundle.Flag flag = new ClaimBundle.Flag(claim.revision(), claim.quote(), claim.anchor().start(),
                claim.anchor().end(), claim.anchor().prefix(), claim.anchor().suffix(),
                claim.allOccurrences() ? "ALL" : "ONE", claim.occurrences(), claim.category().name(),
                claim.severity().name(), claim.replacement(), claim.note(), claim.source(), claim.flaggedBy(),
                claim.flaggedAt());
        ClaimBundle.Verdict verdict = claim.verdict() == null ? null : new ClaimBundle.Verdict(claim.verdict(),
                claim.verifiedBy(), claim.notice(), claim.verdictNote(), lastAt(audit, "VERDICT"));
        ClaimBundle.Approval approval = claim.decision() == null ? null : new ClaimBundle.Approval(claim.decision(),
                claim.decidedBy(), claim.decisionComment(),
                lastAt(audit, switch (claim.decision()) {
                    case "APPROVE" -> "APPROVED";
                    case "REJECT" -> "REJECTED";
                    default -> "RETURNED";
                }));
        ClaimBundle.Publication publication = articles.revisionPublishedFor(claimId).map(this::publication)
                .orElse(null);
        return new ClaimBundle(claim.id(), claim.articleId(), claim.state().name(), flag, verdict, approval,
                publication, audit);
    }

    private ClaimBundle.Publication publication(ArticleRevision published) {
        ArticleRevision before = articles.revision(published.articleId(), published.revision() - 1);
        return new ClaimBundle.Publication(published.revision(), before.revision(),
                published.kind() == null ? null : published.kind().name(), published.notice(), published.createdAt(),
                published.createdBy(), before.body(), published.body(), diff(before, published));
    }

    /** A unified diff by paragraph, with one paragraph of context, as reviewers read it. */
    private static String diff(ArticleRevision before, ArticleRevision after) {
        List<String> old = Arrays.asList(before.body().split("\n", -1));
        List<String> now = Arrays.asList(after.body().split("\n", -1));
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("revision " + before.revision(),
                "revision " + after.revision(), old, DiffUtils.diff(old, now), 1);
        return String.join("\n", lines);
    }

    private static Instant lastAt(List<AuditEntry> audit, String action) {
        Optional<AuditEntry> last = audit.stream().filter(e -> action.equals(e.action()))
                .reduce((first, second) -> second);
        return last.map(AuditEntry::at).orElse(null);
    }
}
