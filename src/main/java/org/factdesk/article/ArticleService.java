package org.factdesk.article;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Locale;

import org.factdesk.identity.Roles;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Imports articles, answers what their text is now and was before, and appends the revisions corrections publish. */
@Service
public class ArticleService {

    private final ArticleRepository articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleService(ArticleRepository articles, ApplicationEventPublisher events, Clock clock) {
        this.articles = articles;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Imports one article in the seed format as revision 1. A source that was imported before is refused, so a
     * restart or a repeated upload imports nothing twice; so is a file over the {@link ArticleLimits}, before
     * anything is written.
     */
    @Transactional
    public Article importArticle(String source, String text, String importedBy) {
        InputLimits.check("source", source, InputLimits.NAME);
        ArticleLimits.checkFile(text);
        SeedFormat.Parsed parsed;
        try {
            parsed = SeedFormat.parse(text);
        } catch (SeedFormat.MalformedArticleException e) {
            throw ProblemException.badRequest("malformed-article", "The article is not in the expected format: "
                    + e.getMessage());
        }
        ArticleLimits.checkParsed(parsed);
        if (articles.existsBySource(source)) {
            throw ProblemException.conflict("article-already-imported", "'" + source + "' was imported before.");
        }
        long id = articles.insert(source, uniqueSlug(parsed.headline()), parsed.section(), parsed.publishedAt(),
                parsed.updatedAt());
        articles.insertRevision(new ArticleRevision(id, 1, parsed.headline(), parsed.body(), clock.instant(),
                importedBy, null, null));
        events.publishEvent(new ArticleImported(id, source, importedBy));
        return get(id);
    }

    /** Imports an article an editor or integrator sent through the API. */
    @Transactional
    @Roles.ArticleEditors
    public Article upload(String source, String text, String uploadedBy) {
        return importArticle(source, text, uploadedBy);
    }

    public boolean isImported(String source) {
        return articles.existsBySource(source);
    }

    public List<Article> list() {
        return articles.findAll();
    }

    /** The {@code limit} most recently updated (or published) articles, newest first. */
    public List<Article> recent(int limit) {
        return articles.recent(limit);
    }

    /** The articles with these ids, by id, in one query; an id with no article is left out. */
    public Map<Long, Article> all(Collection<Long> ids) {
        return articles.findAll(ids).stream().collect(Collectors.toMap(Article::id, Function.identity()));
    }

    public Article get(long id) {
        return articles.find(id).orElseThrow(() -> ProblemException.notFound("article-not-found",
                "There is no article with id " + id + "."));
    }

    public ArticleRevision current(long articleId) {
        Article article = get(articleId);
        return revision(article.id(), article.currentRevision());
    }

    public ArticleRevision revision(long articleId, int revision) {
        get(articleId);
        return articles.revision(articleId, revision).orElseThrow(() -> ProblemException.notFound(
                "revision-not-found", "Article " + articleId + " has no revision " + revision + "."));
    }

    /** Every update published on the article, oldest first, silent fixes included: the revision history's view. */
    public List<ArticleRevision> corrections(long articleId) {
        return articles.corrections(articleId);
    }

    /** The updates readers are told of on the article's page, oldest first: every one but the silent fixes. */
    public List<ArticleRevision> publicNotices(long articleId) {
        return articles.corrections(articleId).stream().filter(r -> r.kind().hasPublicNotice()).toList();
    }

    /**
     * The updates readers were told of while revision {@code revision} was the article's text, oldest first: the
     * notices of that revision and of every one before it, never a silent fix's. An unknown article or revision is a
     * 404.
     */
    public List<ArticleRevision> publicNoticesAt(long articleId, int revision) {
        revision(articleId, revision);
        return publicNotices(articleId).stream().filter(r -> r.revision() <= revision).toList();
    }

    /**
     * Every update published on any article, newest first, silent fixes included.
     */
    public List<ArticleRevision> correctionsNewestFirst() {
        return articles.correctionsNewestFirst();
    }

    /** How many corrections and clarifications were published in {@code [from, to)}. */
    public long countCorrectionsBetween(Instant from, Instant to) {
        return articles.countCorrectionsBetween(from, to);
    }

    /** The first {@code limit} corrections and clarifications published in {@code [from, to)}, oldest first. */
    public List<ArticleRevision> correctionsBetween(Instant from, Instant to, int limit) {
        return articles.correctionsBetween(from, to, limit);
    }

    /**
     * Every update readers are told of, on any article, newest first: what the public corrections page and its feed
     * list. A silent fix is in the revision history and the audit trail, never here.
     */
    public List<ArticleRevision> publicNoticesNewestFirst() {
        return articles.correctionsNewestFirst().stream().filter(r -> r.kind().hasPublicNotice()).toList();
    }

    /** The revision a claim published, if it did. */
    public Optional<ArticleRevision> revisionPublishedFor(long claimId) {
        return articles.revisionForClaim(claimId);
    }

    /**
     * Makes the caller's transaction the only one that may change this article's text until it ends: publications of
     * corrections on one article queue here one after the other, each building on the text the one before published,
     * instead of racing and failing on {@link #publishRevision}'s check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForUpdate(long articleId) {
        if (!articles.lock(articleId)) {
            throw ProblemException.notFound("article-not-found", "There is no article with id " + articleId + ".");
        }
    }

    /**
     * Publishes the next revision of an article for one claim. It builds on {@code basedOn}; if another update was
     * published meanwhile the call fails with an optimistic locking failure and nothing is written. A silent fix
     * leaves the article's public "updated" time as it was: readers are told nothing of it.
     */
    @Transactional
    public ArticleRevision publishRevision(ArticleRevision basedOn, String newBody, long claimId,
            CorrectionNotice notice, Instant at, String publishedBy) {
        articles.advance(basedOn.articleId(), basedOn.revision(), notice.kind().hasPublicNotice() ? at : null);
        ArticleRevision next = new ArticleRevision(basedOn.articleId(), basedOn.revision() + 1, basedOn.headline(),
                newBody, at, publishedBy, claimId, notice);
        articles.insertRevision(next);
        return next;
    }

    private String uniqueSlug(String headline) {
        String base = Normalizer.normalize(headline, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "article";
        }
        String slug = base;
        for (int n = 2; articles.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
