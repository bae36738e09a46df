package org.factdesk.detection;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.SeedFormat;
import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Claim;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.factdesk.detection.ScanStateRepository.Outcome;
import org.factdesk.identity.Roles;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scans articles and keeps their suggestions: a scan replaces the open ones and never proposes again what was
 * dismissed or accepted for the same text; accepting flags a claim with the detector as its source. Every scan has
 * the same time limit, and each records in the article's scan state how it ended.
 */
@Service
public class SuggestionService {

    /** A claim's source for a suggestion from {@code detector}. */
    public static final String SOURCE_PREFIX = "detector:";

    private static final Logger log = LoggerFactory.getLogger(SuggestionService.class);

    private final SuggestionRepository suggestions;
    private final ScanStateRepository scanStates;
    private final ArticleService articles;
    private final ClaimService claims;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ScanSettings settings;
    private final ScanShutdown shutdown;
    /** Scans that requests run at once: each holds a LanguageTool instance, which is large. */
    private final Semaphore interactive;

    SuggestionService(SuggestionRepository suggestions, ScanStateRepository scanStates, ArticleService articles,
            ClaimService claims, Clock clock, TransactionTemplate transaction, ScanSettings settings,
            ScanShutdown shutdown) {
        this.suggestions = suggestions;
        this.scanStates = scanStates;
        this.articles = articles;
        this.claims = claims;
        this.clock = clock;
        this.transaction = transaction;
        this.settings = settings;
        this.shutdown = shutdown;
        this.interactive = new Semaphore(settings.interactiveLimit(), true);
    }

    /** A new deadline for one scan, the configured time limit from now. */
    ScanDeadline deadline() {
        return ScanDeadline.after(settings.timeLimit(), shutdown::stopping);
    }

    /**
     * The shared scanner, built on first use: LanguageTool takes seconds to start, and the first use is the scan
     * after import, off the request thread, so neither start-up nor an import waits for it. Callers get it before
     * they start a scan's clock, so building it never counts towards a time limit.
     */
    ArticleScanner scanner() {
        return ArticleScanner.shared();
    }

    /**
     * Scans an article file sent for checking before publication; nothing is stored. A file longer than an article
     * file may be is refused with 413, and a scan that runs out of time answers 503.
     */
    @Roles.Reviewers
    public List<Suggestion> scanText(String fileText) {
        InputLimits.checkBody("article", fileText, InputLimits.ARTICLE_FILE);
        scanner();
        ScanDeadline deadline = deadline();
        return interactively(deadline, () -> {
            try {
                return scanner().scanFile(fileText, deadline);
            } catch (SeedFormat.MalformedArticleException e) {
                throw ProblemException.badRequest("malformed-article", "The article is not in the expected format: "
                        + e.getMessage());
            }
        });
    }

    /** Scans an article's current text again, now, and returns its suggestions; 503 if it runs out of time. */
    @Roles.Reviewers
    public List<StoredSuggestion> rescan(long articleId) {
        articles.get(articleId);
        scanner();
        ScanDeadline deadline = deadline();
        interactively(deadline, () -> {
            scanAndStore(articleId, deadline);
            return null;
        });
        return forArticle(articleId);
    }

    /**
     * Runs a scan for a request, on the request's thread, once one of the interactive permits is free: the background
     * scan pool is never waited for. Waiting for a permit counts towards the time limit.
     */
    private <T> T interactively(ScanDeadline deadline, Supplier<T> scan) {
        boolean permitted;
        try {
            permitted = interactive.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            permitted = false;
        }
        if (!permitted) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "scanner-busy", "Every scanner was busy with "
                    + "other requests for " + seconds(deadline) + "; nothing was scanned. Try again in a minute.");
        }
        try {
            return scan.get();
        } catch (ScanStopped stopped) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "scan-timed-out", "The scan did not finish "
                    + "within its time limit of " + seconds(deadline) + " and was stopped; nothing was stored. Scan a "
                    + "shorter text, or ask an admin to raise factdesk.scan.time-limit.");
        } finally {
            interactive.release();
        }
    }

    private static String seconds(ScanDeadline deadline) {
        return deadline.limit().toSeconds() + " s";
    }

    /**
     * Scans the current text within {@code deadline} and replaces the open suggestions, then records how the scan
     * ended in the article's scan state. The scan itself happens outside any transaction, so a slow one holds no
     * locks; a scan that is stopped or fails stores no suggestions, records that it did not finish and rethrows.
     */
    void scanAndStore(long articleId, ScanDeadline deadline) {
        Article article = articles.get(articleId);
        ArticleRevision current = articles.current(articleId);
        List<Suggestion> found;
        Map<Long, Boolean> inPlace;
        try {
            ScanDocument document = ScanDocument.ofBody(current.body(), article.publishedAt(), deadline);
            if (document.truncated()) {
                log.info("Article {} revision {} is longer than a scan reads ({} paragraphs of {} characters at "
                        + "most, {} in all): only its first {} paragraphs are scanned", articleId, current.revision(),
                        ScanDocument.MAX_PARAGRAPHS, ScanDocument.MAX_PARAGRAPH_CHARS, ScanDocument.MAX_SCANNED_CHARS,
                        document.paragraphs().size());
            }
            found = scanner().scan(document);
            inPlace = placesBeforeLocking(articleId, current, keys(found), deadline);
        } catch (ScanStopped stopped) {
            if (stopped.timedOut()) {
                recordUnfinished(articleId, current, Outcome.TIMED_OUT);
            }
            throw stopped;
        } catch (RuntimeException e) {
            recordUnfinished(articleId, current, Outcome.FAILED);
            throw e;
        }
        transaction.executeWithoutResult(status -> store(articleId, current, found, inPlace));
    }

    private static Set<String> keys(List<Suggestion> found) {
        return found.stream().map(s -> StoredSuggestion.key(s.detector(), s.category(), s.quote()))
                .collect(Collectors.toSet());
    }

    /**
     * Whether each open suggestion this scan found again still stands where it was in the scanned text, worked out
     * before the article's row is locked: finding a quote again compares two versions of the whole text, and a
     * publication of the same article waits for that lock. A stored suggestion never changes its revision or place,
     * so the answer holds once the lock is taken.
     */
    private Map<Long, Boolean> placesBeforeLocking(long articleId, ArticleRevision scanned, Set<String> foundKeys,
            ScanDeadline deadline) {
        Map<Integer, TextAnchor.Relocation> since = new HashMap<>();
        Map<Long, Boolean> inPlace = new HashMap<>();
        for (StoredSuggestion stored : suggestions.forArticle(articleId)) {
            if (stored.state() == StoredSuggestion.State.OPEN && foundKeys.contains(stored.key())) {
                deadline.check();
                inPlace.put(stored.id(), currentPlace(stored, scanned, since).isPresent());
            }
        }
        return inPlace;
    }

    private void recordUnfinished(long articleId, ArticleRevision scanned, Outcome outcome) {
        try {
            transaction.executeWithoutResult(status -> {
                articles.lockForUpdate(articleId);
                scanStates.record(articleId, scanned.revision(), outcome, clock.instant());
            });
        } catch (RuntimeException e) {
            // The scan's own failure is what the caller reports; without the record, the next start scans again.
            log.warn("Could not record the unfinished scan of article {}: {}", articleId, e.toString());
        }
    }

    /**
     * Brings the stored suggestions up to this scan. An open suggestion the scan found again keeps its id (a page may
     * be showing it); one whose text a correction changed, or that the scan no longer finds, is outdated; an accepted
     * or dismissed one is never proposed again.
     */
    private void store(long articleId, ArticleRevision scanned, List<Suggestion> found, Map<Long, Boolean> inPlace) {
        articles.lockForUpdate(articleId);
        if (articles.current(articleId).revision() > scanned.revision()) {
            // A correction was published while this scan ran; the scan it triggered speaks of the newer text.
            return;
        }
        scanStates.record(articleId, scanned.revision(), Outcome.SCANNED, clock.instant());
        Set<String> foundKeys = keys(found);
        Set<String> kept = new HashSet<>();
        for (StoredSuggestion stored : suggestions.forArticle(articleId)) {
            switch (stored.state()) {
                case ACCEPTED, DISMISSED -> kept.add(stored.key());
                case OPEN -> {
                    // A suggestion stored since the places were worked out (by another scan) is placed now.
                    if (foundKeys.contains(stored.key()) && inPlace.computeIfAbsent(stored.id(),
                            id -> currentPlace(stored, scanned).isPresent())) {
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
    @Roles.Reviewers
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
        return currentPlace(suggestion, current, new HashMap<>());
    }

    /**
     * {@link #currentPlace(StoredSuggestion, ArticleRevision)}, reading each earlier revision's body once and comparing
     * it with the current text once, whatever the number of suggestions made on it.
     */
    private Optional<TextAnchor> currentPlace(StoredSuggestion suggestion, ArticleRevision current,
            Map<Integer, TextAnchor.Relocation> since) {
        if (suggestion.revision() == current.revision()) {
            return Optional.of(suggestion.anchor());
        }
        return since.computeIfAbsent(suggestion.revision(), revision -> TextAnchor.between(
                articles.revision(suggestion.articleId(), revision).body(), current.body())).find(suggestion.anchor());
    }

    /** Dismisses a suggestion: recorded with who and when, and not proposed again for the same text. */
    @Transactional
    @Roles.Reviewers
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
