package org.factdesk.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.article.CorrectionNotice;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.Verdict;
import org.factdesk.claim.Verdicts;
import org.factdesk.shared.NewsroomTime;
import org.factdesk.shared.ParagraphDiff;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an approved claim as the article's next revision, in the kind of update chosen for it, with its dated
 * notice and a new "updated" time (not for a silent fix, which readers are not told of).
 * Idempotent: a claim that already has its revision gets that one back, and the database refuses a second.
 */
@Service
public class PublicationService {

    private static final String PUBLISHER = "system";

    private final ArticleService articles;
    private final ClaimService claims;
    private final NewsroomTime newsroomTime;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicationService(ArticleService articles, ClaimService claims, NewsroomTime newsroomTime,
            ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.claims = claims;
        this.newsroomTime = newsroomTime;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the claim's correction on the article's current text. Publications on one article wait for each other
     * on the article's row, so twenty approvals at once publish twenty revisions in turn, each re-read after the one
     * before, and none fails for having built on text that moved.
     */
    @Transactional
    public PublicationOutcome publish(long claimId) {
        Claim claim = claims.get(claimId);
        articles.lockForUpdate(claim.articleId());
        // Checked under the lock: a run of this job that overlapped another (a retry after a crash) finds its revision.
        Optional<ArticleRevision> earlier = articles.revisionPublishedFor(claimId);
        if (earlier.isPresent()) {
            return new PublicationOutcome.Published(earlier.get(), true);
        }
        CorrectionKind kind = kindOf(claim);
        ArticleRevision current = articles.current(claim.articleId());
        List<Integer> places = claim.placesIn(articles.revision(claim.articleId(), claim.revision()).body(),
                current.body());
        // A retraction withdraws the whole article, wherever the quote now stands.
        if (places.isEmpty() && kind != CorrectionKind.RETRACTION) {
            claims.textChanged(claimId, current.revision());
            return new PublicationOutcome.QuoteGone(current.revision());
        }
        // A retraction keeps the text in its revision: auditors read it there; readers see only the notice.
        String body = kind.changesText()
                ? CorrectionText.replace(current.body(), places, claim, claim.replacement())
                : current.body();
        Instant now = clock.instant();
        CorrectionNotice notice = new CorrectionNotice(kind, newsroomTime.format(now), noticeText(claim, kind));
        ArticleRevision published = articles.publishRevision(current, body, claimId, notice, now, PUBLISHER);
        claims.published(claimId, published.revision());
        ParagraphDiff.Excerpt changed = ParagraphDiff.excerpt(current.body(), body);
        events.publishEvent(new CorrectionPublished(claimId, claim.articleId(), published.revision(), notice,
                changed.before(), changed.after(), now));
        return new PublicationOutcome.Published(published, false);
    }

    /** What a claim with this verdict publishes when nobody chose a kind: a correction, a clarification, or nothing. */
    public static Optional<CorrectionKind> kindOf(Verdict verdict) {
        return Optional.ofNullable(Verdicts.defaultKind(verdict));
    }

    private static CorrectionKind kindOf(Claim claim) {
        return Optional.ofNullable(claim.kindOfUpdate()).orElseThrow(() -> new IllegalStateException("claim "
                + claim.id() + " has verdict " + claim.verdict() + " and nothing to publish"));
    }

    /**
     * The notice's text: the lawyer's rewrite or the fact-checker's notice; for a silent fix without one, what was
     * fixed, for the revision history (readers never see it).
     */
    static String noticeText(Claim claim, CorrectionKind kind) {
        String notice = claim.publishedNotice();
        if (notice == null && kind == CorrectionKind.SILENT_FIX) {
            return "\u201c" + claim.quote() + "\u201d fixed as \u201c" + claim.replacement() + "\u201d; no public notice.";
        }
        return notice;
    }
}
