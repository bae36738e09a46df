package org.factdesk.detection;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.SeedFormat;
import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.factdesk.shared.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans articles and keeps their suggestions: a scan replaces the open ones and never proposes again what was
 * dismissed or accepted for the same text; accepting flags a claim with the detector as its source.
 */
@Service
public class SuggestionService {

    /** A claim's source for a suggestion from {@code detector}. */
    public static final String SOURCE_PREFIX = "detector:";

    private final SuggestionRepository suggestions;
    private final ArticleService articles;
    private final ClaimService claims;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SuggestionService(SuggestionRepository suggestions, ArticleService articles, ClaimService claims, Clock clock,
            TransactionTemplate transaction) {
        this.suggestions = suggestions;
        this.articles = articles;
        this.claims = claims;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * The shared scanner, built on first use: LanguageTool takes seconds to start, and the first use is the scan
     * after import, off the request thread, so neither start-up nor an import waits for it.
     */
    ArticleScanner scanner() {
        return ArticleScanner.shared();
    }

    /** Scans an article file sent for checking before publication; nothing is stored. */
    @PreAuthorize("hasAnyRole('FACT_CHECKERS', 'EDITORS')")
    public List<Suggestion> scanText(String fileText) {
        try {
            return scanner().scanFile(fileText);
        } catch (SeedFormat.MalformedArticleException e) {
            throw ProblemException.badRequest("malformed-article", "The article is not in the expected format: "
                    + e.getMessage());
        }
    }

    /** Scans an article's current text again and returns its suggestions. */
    @PreAuthorize("hasAnyRole('FACT_CHECKERS', 'EDITORS')")
    public List<StoredSuggestion> rescan(long articleId) {
        scanAndStore(articleId);
        return forArticle(articleId);
    }

    /**
     * Scans the current text and replaces the open suggestions. Runs without a caller when an import triggers it;
     * the scan itself happens outside any transaction, so a slow one holds no locks.
     */
    void scanAndStore(long articleId) {
        Article article = articles.get(articleId);
        ArticleRevision current = articles.current(articleId);
        List<Suggestion> found = scanner().scan(ScanDocument.ofBody(current.body(), article.publishedAt()));
        transaction.executeWithoutResult(status -> store(articleId, current, found));
    }

    /**
     * Brings the stored suggestions up to this scan. An open suggestion the scan found again keeps its id (a page may
     * be showing it); one whose text a correction changed, or that the scan no longer finds, is outdated; an accepted
     * or dismissed one is never proposed again.
     */
    private void store(long articleId, ArticleRevision scanned, List<Suggestion> found) {
        suggestions.lockArticle(articleId);
        if (articles.current(articleId).revision() > scanned.revision()) {
            // A correction was published while this scan ran; the scan it triggered speaks of the newer text.
            return;
        }
        Set<String> foundKeys = found.stream()
                .map(s -> StoredSuggestion.key(s.detector(), s.category(), s.quote())).collect(Collectors.toSet());
        Set<String> kept = new HashSet<>();
        for (StoredSuggestion stored : suggestions.forArticle(articleId)) {
            switch (stored.state()) {
                case ACCEPTED, DISMISSED -> kept.add(stored.key());
                case OPEN -> {
                    if (foundKeys.contains(stored.key()) && currentPlace(stored, scanned).isPresent()) {
                        kept.add(stored.key());
                    } else {
                        suggestions.markOutdated(stored.id());
                    }
                }
                case OUTDATED -> {
                }
            }
        }
        for (Suggestion suggestion : found) {
            if (kept.contains(StoredSuggestion.key(suggestion.detector(), suggestion.category(),
                    suggestion.quote()))) {
                continue;
            }
            TextAnchor anchor = TextAnchor.at(scanned.body(), suggestion.start(), suggestion.end());
            suggestions.insert(articleId, scanned.revision(), suggestion, anchor, clock.instant());
        }
    }

    public List<StoredSuggestion> forArticle(long articleId) {
        articles.get(articleId);
        return suggestions.forArticle(articleId);
    }

    /**
     * Accepts a suggestion: flags its quote, at its place in the current text, as a claim whose source is the
     * detector. If corrections since the scan removed or changed that text, nothing is flagged: 409.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('FACT_CHECKERS', 'EDITORS')")
    public Claim accept(long articleId, long suggestionId, String acceptedBy) {
        StoredSuggestion suggestion = open(articleId, suggestionId);
        ArticleRevision current = articles.current(articleId);
        Optional<TextAnchor> now = currentPlace(suggestion, current);
        if (now.isEmpty()) {
            throw textChanged(suggestion, current);
        }
        Claim claim = claims.flag(articleId, new FlagRequest(suggestion.quote(), null, now.get().start(), null,
                suggestion.category().name(), null, suggestion.replacement(), suggestion.explanation()),
                acceptedBy, SOURCE_PREFIX + suggestion.detector());
        decide(suggestion, StoredSuggestion.State.ACCEPTED, claim.id(), acceptedBy);
        return claim;
    }

    /** Where the suggestion's text stands in {@code current}; empty when a correction since the scan changed it. */
    private Optional<TextAnchor> currentPlace(StoredSuggestion suggestion, ArticleRevision current) {
        return suggestion.revision() == current.revision()
                ? Optional.of(suggestion.anchor())
                : suggestion.anchor().relocate(articles.revision(suggestion.articleId(), suggestion.revision()).body(),
                        current.body());
    }

    /** Dismisses a suggestion: recorded with who and when, and not proposed again for the same text. */
    @Transactional
    @PreAuthorize("hasAnyRole('FACT_CHECKERS', 'EDITORS')")
    public StoredSuggestion dismiss(long articleId, long suggestionId, String dismissedBy) {
        StoredSuggestion suggestion = open(articleId, suggestionId);
        decide(suggestion, StoredSuggestion.State.DISMISSED, null, dismissedBy);
        return suggestions.find(suggestionId).orElseThrow();
    }

    private void decide(StoredSuggestion suggestion, StoredSuggestion.State state, Long claimId, String by) {
        if (!suggestions.decide(suggestion.id(), state, claimId, by, clock.instant())) {
            throw alreadyDecided(suggestions.find(suggestion.id()).orElse(suggestion));
        }
    }

    private StoredSuggestion open(long articleId, long suggestionId) {
        articles.get(articleId);
        StoredSuggestion suggestion = suggestions.find(suggestionId)
                .filter(s -> s.articleId() == articleId)
                .orElseThrow(() -> ProblemException.notFound("suggestion-not-found", "Article " + articleId
                        + " has no suggestion " + suggestionId + "."));
        if (suggestion.state() == StoredSuggestion.State.OUTDATED) {
            throw textChanged(suggestion, articles.current(articleId));
        }
        if (suggestion.state() != StoredSuggestion.State.OPEN) {
            throw alreadyDecided(suggestion);
        }
        return suggestion;
    }

    private static ProblemException textChanged(StoredSuggestion suggestion, ArticleRevision current) {
        return ProblemException.conflict("suggestion-text-changed", "The text of suggestion " + suggestion.id()
                + " ('" + suggestion.quote() + "') is no longer in the current text of article "
                + suggestion.articleId() + " (revision " + current.revision() + "). Rescan the article for "
                + "up-to-date suggestions.");
    }

    private static ProblemException alreadyDecided(StoredSuggestion suggestion) {
        return ProblemException.conflict("suggestion-already-decided", "Suggestion " + suggestion.id() + " was "
                + suggestion.state().name().toLowerCase() + (suggestion.decidedBy() == null ? "" : " by "
                + suggestion.decidedBy()) + "; only an open suggestion can be accepted or dismissed.");
    }
}
