package org.factdesk.claim;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.article.TextAnchor;
import org.factdesk.identity.Roles;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.Paged;
import org.factdesk.shared.Paging;
import org.factdesk.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags claims on an article's current text and records the milestones of each claim's review: the verdict, the
 * decision, a quote gone from the text, a cancellation, the publication. Who holds an open review task is the
 * review's to know ({@link ReviewHolders}); a claim read here shows it, and shows a held claim awaiting
 * verification as {@link ClaimState#IN_REVIEW}. The review process calls the milestones; people call {@link #flag}
 * and the queries.
 */
@Service
public class ClaimService {

    public static final String SOURCE_MANUAL = "manual";
    /** A reader's report that a fact-checker accepted; the fact-checker is the flagger. */
    public static final String SOURCE_READER = "reader";

    private final ClaimRepository claims;
    private final ArticleService articles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<ReviewHolders> holders;

    ClaimService(ClaimRepository claims, ArticleService articles, ApplicationEventPublisher events, Clock clock,
            List<ReviewHolders> holders) {
        this.claims = claims;
        this.articles = articles;
        this.events = events;
        this.clock = clock;
        this.holders = holders;
    }

    /**
     * Stores a claim and, through {@link ClaimFlagged}, starts its review, all in one transaction. A quote that is
     * not in the text, an occurrence that does not exist, an unknown category or a value over its limit
     * ({@link InputLimits}) is refused and nothing is stored.
     */
    @Transactional
    @Roles.Reviewers
    public Claim flag(long articleId, FlagRequest request, String flaggedBy) {
        return flag(articleId, request, flaggedBy, SOURCE_MANUAL);
    }

    /**
     * Flags a claim found by {@code source}: {@value #SOURCE_MANUAL} for a person, {@code detector:<name>} for a
     * suggestion a person accepted, {@value #SOURCE_READER} for a reader's report a person accepted. {@code flaggedBy}
     * is always the person.
     */
    @Transactional
    @Roles.Reviewers
    public Claim flag(long articleId, FlagRequest request, String flaggedBy, String source) {
        checkLimits(request);
        ArticleRevision current = articles.current(articleId);
        String quote = request.quote();
        if (quote == null || quote.isBlank()) {
            throw ProblemException.badRequest("invalid-claim", "Give the exact quote to flag in 'quote'.")
                    .with("field", "quote");
        }
        Category category = parse(Category.class, request.category(), "category", null);
        Severity severity = parse(Severity.class, request.severity(), "severity", Severity.MEDIUM);
        String text = current.body();
        List<Integer> starts = TextAnchor.occurrences(text, quote);
        if (starts.isEmpty()) {
            throw ProblemException.badRequest("quote-not-found", "The quote '" + quote + "' is not in the current text "
                    + "of article " + articleId + " (revision " + current.revision() + "). Copy it exactly, "
                    + "including case and punctuation.").with("field", "quote");
        }
        int at = Occurrences.choose(request, quote, starts);
        TextAnchor anchor = TextAnchor.at(text, at, at + quote.length());
        boolean all = FlagRequest.SCOPE_ALL.equalsIgnoreCase(String.valueOf(request.scope()));
        Claim.Flag flag = new Claim.Flag(anchor, all, all ? starts.size() : 1, category, severity,
                blankToNull(request.note()), flaggedBy, source, clock.instant());
        List<Integer> places = all ? starts : List.of(at);
        refuseIfOpen(articleId, current, quote, places);
        long id = claims.insert(articleId, current.revision(), flag, blankToNull(request.replacement()))
                .orElseThrow(() -> {
                    // Someone flagged the same place a moment ago and their claim committed first.
                    refuseIfOpen(articleId, current, quote, places);
                    return ProblemException.conflict("claim-already-open", "Someone flagged '" + quote
                            + "' at this place a moment ago. Reload the article to see their claim.")
                            .with("field", "quote");
                });
        Claim claim = get(id);
        events.publishEvent(new ClaimFlagged(claim));
        return claim;
    }

    /**
     * Refuses a flag of {@code quote} at one of {@code places} (start indices in the current text) when a claim that
     * is still open already covers the same words at the same place, where earlier corrections may have moved it.
     * Overlapping but different words are a different claim and pass.
     */
    private void refuseIfOpen(long articleId, ArticleRevision current, String quote, List<Integer> places) {
        Map<Integer, String> bodies = new HashMap<>();
        bodies.put(current.revision(), current.body());
        for (Claim open : held(claims.openOn(articleId, quote))) {
            String flaggedOn = bodies.computeIfAbsent(open.revision(),
                    n -> articles.revision(articleId, n).body());
            if (open.placesIn(flaggedOn, current.body()).stream().anyMatch(places::contains)) {
                throw ProblemException.conflict("claim-already-open", "Claim #" + open.id() + " ("
                        + open.state().label() + ") is still open on '" + quote + "' at this place. Add to that "
                        + "claim rather than flagging the same words again.")
                        .with("field", "quote").with("claimId", open.id())
                        .with("claimState", open.state().name())
                        .with("claim", "/api/claims/" + open.id())
                        .with("page", "/articles/" + articleId + "#claim-" + open.id() + "-info");
            }
        }
    }

    /**
     * Every text of a flag within its limit and free of control characters, checked before the article is even read:
     * the claim, its audit entry and the review's variables then all hold what was sent, whole.
     */
    private static void checkLimits(FlagRequest request) {
        InputLimits.check("quote", request.quote(), InputLimits.QUOTE);
        InputLimits.check("replacement", request.replacement(), InputLimits.REPLACEMENT);
        InputLimits.check("note", request.note(), InputLimits.FLAG_NOTE);
        InputLimits.check("category", request.category(), InputLimits.CHOICE);
        InputLimits.check("severity", request.severity(), InputLimits.CHOICE);
        InputLimits.check("scope", request.scope(), InputLimits.CHOICE);
    }

    public Claim get(long id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("claim-not-found",
                "There is no claim with id " + id + "."));
    }

    public Optional<Claim> find(long id) {
        return claims.find(id).map(claim -> held(List.of(claim)).get(0));
    }

    /** The claims with these ids, by id, in one query; an id with no claim is left out. */
    /** How many open claims each article has (articles with none are left out), counted in the database. */
    public Map<Long, Long> openCounts() {
        return claims.openCounts();
    }

    public Map<Long, Claim> all(Collection<Long> ids) {
        return held(claims.findAll(ids)).stream().collect(Collectors.toMap(Claim::id, Function.identity()));
    }

    /** The claims of an article, or of all, in a state, or in any; oldest first. */
    public List<Claim> search(Long articleId, ClaimState state) {
        // IN_REVIEW is FLAGGED and held: both are read as FLAGGED and told apart by their holder.
        ClaimState stored = state == ClaimState.IN_REVIEW ? ClaimState.FLAGGED : state;
        return held(claims.search(articleId, stored)).stream().filter(c -> state == null || c.state() == state)
                .toList();
    }

    /** How many claims a page of {@link #page} holds unless asked for another size, and at most. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 500;

    /**
     * One page of the claims of an article, or of all, in a state, or in any; oldest first (by id), paged and counted
     * in the database. FLAGGED and IN_REVIEW are one stored state told apart by whether the review's task is held.
     */
    public Paged<Claim> page(Long articleId, ClaimState state, Paging paging) {
        ClaimState stored = state == ClaimState.IN_REVIEW ? ClaimState.FLAGGED : state;
        Set<Long> held = state == ClaimState.FLAGGED || state == ClaimState.IN_REVIEW ? heldClaims(articleId) : null;
        Set<Long> only = state == ClaimState.IN_REVIEW ? held : null;
        Set<Long> except = state == ClaimState.FLAGGED ? held : null;
        return new Paged<>(held(claims.page(articleId, stored, only, except, paging)),
                claims.count(articleId, stored, only, except), paging);
    }

    private Set<Long> heldClaims(Long articleId) {
        Set<Long> held = new java.util.HashSet<>();
        holders.forEach(source -> held.addAll(source.heldClaims(articleId)));
        return held;
    }

    /** The claims with their holders, as the review knows them. */
    private List<Claim> held(List<Claim> found) {
        if (found.isEmpty() || holders.isEmpty()) {
            return found;
        }
        Map<Long, String> holding = new HashMap<>();
        List<Long> open = found.stream().filter(c -> c.state().isOpen()).map(Claim::id).toList();
        holders.forEach(source -> holding.putAll(source.holders(open)));
        return found.stream().map(c -> holding.containsKey(c.id()) ? c.heldBy(holding.get(c.id())) : c).toList();
    }

    // The steps below are called by the review process, inside the engine's transaction.

    /** Records the fact-checker's verdict: on to an editor, or dismissed as not an error. */
    @Transactional
    public void recordVerdict(long claimId, Verdict verdict, String verifiedBy, String replacement, String notice,
            String note) {
        recordVerdict(claimId, verdict, null, verifiedBy, replacement, notice, note);
    }

    /**
     * Records the fact-checker's verdict with the kind of update they propose (null: the one the verdict leads to),
     * already checked by {@link Verdicts}.
     */
    @Transactional
    public void recordVerdict(long claimId, Verdict verdict, CorrectionKind kind, String verifiedBy,
            String replacement, String notice, String note) {
        Claim claim = get(claimId);
        claims.recordVerdict(claimId, verdict.leadsToPublication() ? ClaimState.AWAITING_APPROVAL : ClaimState.DISMISSED,
                new Claim.Verification(verdict, verifiedBy, blankToNull(notice), blankToNull(note)),
                blankToNull(replacement), kind, clock.instant());
        activity(claim, verdict.leadsToPublication() ? ClaimState.AWAITING_APPROVAL : ClaimState.DISMISSED,
                ClaimActivity.Action.VERDICT, verifiedBy, verdict.label() + (kind == null ? "" : " (" + kind.label()
                        + ")") + (note == null || note.isBlank() ? "" : ": " + note));
    }

    /** Records the editor's decision on the correction. */
    @Transactional
    public void recordDecision(long claimId, Decision decision, String decidedBy, String comment) {
        recordDecision(claimId, decision, decidedBy, comment, null, false);
    }

    /**
     * Records the editor's decision, with the kind of update they settled on (null: the one proposed) and whether a
     * lawyer reviews an approved update before it is published.
     */
    @Transactional
    public void recordDecision(long claimId, Decision decision, String decidedBy, String comment, CorrectionKind kind,
            boolean legalReview) {
        Claim claim = get(claimId);
        CorrectionKind settled = kind != null ? kind : claim.kind();
        ClaimState state = switch (decision) {
            case APPROVE -> legalReview ? ClaimState.LEGAL_REVIEW : ClaimState.PUBLISHING;
            case REJECT -> ClaimState.DISMISSED;
            case RETURN -> ClaimState.FLAGGED;
        };
        ClaimActivity.Action action = switch (decision) {
            case APPROVE -> ClaimActivity.Action.APPROVED;
            case REJECT -> ClaimActivity.Action.REJECTED;
            case RETURN -> ClaimActivity.Action.RETURNED;
        };
        claims.recordDecision(claimId, state, new Claim.Approval(decision, decidedBy, blankToNull(comment)), settled,
                clock.instant());
        String asKind = decision == Decision.APPROVE && kind != null && kind != claim.kind()
                ? " (" + kind.label() + ")" : "";
        activity(claim, state, action, decidedBy, decision.label() + asKind
                + (comment == null || comment.isBlank() ? "" : ": " + comment));
    }

    /**
     * Records the editor's own notice and corrected words (each null: the fact-checker's stands), already checked by
     * {@link Verdicts#checkApproval(Claim, CorrectionKind, boolean, Verdicts.Edit)}, over the fact-checker's; each
     * change goes to the audit log with its before and after. Edited words need the quote still in the current text:
     * there is nothing else to put them in place of.
     */
    @Transactional
    public Claim recordEdit(long claimId, String editor, Verdicts.Edit edit) {
        Claim claim = get(claimId);
        String notice = edit.notice() == null ? claim.verification().notice() : blankToNull(edit.notice());
        String replacement = edit.replacement() == null ? claim.replacement() : blankToNull(edit.replacement());
        boolean noticeChanged = !java.util.Objects.equals(notice, claim.verification().notice());
        boolean replacementChanged = !java.util.Objects.equals(replacement, claim.replacement());
        if (!noticeChanged && !replacementChanged) {
            return claim;
        }
        if (replacementChanged) {
            ArticleRevision current = articles.current(claim.articleId());
            String flaggedOn = articles.revision(claim.articleId(), claim.revision()).body();
            if (claim.placesIn(flaggedOn, current.body()).isEmpty()) {
                throw ProblemException.badRequest("invalid-replacement", "The quote '" + claim.quote() + "' is no "
                        + "longer in revision " + current.revision() + " of the article, so the corrected text has "
                        + "nothing to replace; RETURN the claim to the fact-checker.");
            }
        }
        claims.recordEdit(claimId, notice, replacement, editor, clock.instant());
        if (noticeChanged) {
            events.publishEvent(new ClaimEdited(claimId, claim.articleId(), editor, clock.instant(),
                    ClaimEdited.Field.NOTICE, claim.verification().notice(), notice));
        }
        if (replacementChanged) {
            events.publishEvent(new ClaimEdited(claimId, claim.articleId(), editor, clock.instant(),
                    ClaimEdited.Field.REPLACEMENT, claim.replacement(), replacement));
        }
        return get(claimId);
    }

    /** Records the lawyer's decision on an approved update: published as approved, with their notice, or blocked. */
    @Transactional
    public void recordLegal(long claimId, LegalDecision decision, String lawyer, String notice, String comment) {
        Claim claim = get(claimId);
        ClaimState state = decision.publishes() ? ClaimState.PUBLISHING : ClaimState.BLOCKED;
        ClaimActivity.Action action = switch (decision) {
            case CLEAR -> ClaimActivity.Action.LEGAL_CLEARED;
            case REWRITE -> ClaimActivity.Action.NOTICE_REWRITTEN;
            case BLOCK -> ClaimActivity.Action.LEGAL_BLOCKED;
        };
        String rewritten = decision == LegalDecision.REWRITE ? blankToNull(notice) : null;
        claims.recordLegal(claimId, state, new Claim.Legal(decision, lawyer, rewritten, blankToNull(comment)),
                clock.instant());
        StringBuilder detail = new StringBuilder(decision.label());
        if (rewritten != null) {
            detail.append(": notice now \u201c").append(rewritten).append("\u201d");
        }
        if (comment != null && !comment.isBlank()) {
            detail.append(rewritten != null ? "; " : ": ").append(comment.strip());
        }
        activity(claim, state, action, lawyer, detail.toString());
    }

    /** The quote is gone from the current text: the claim goes back to its fact-checker. */
    @Transactional
    public void textChanged(long claimId, int revision) {
        Claim claim = get(claimId);
        claims.updateState(claimId, ClaimState.FLAGGED, clock.instant());
        activity(claim, ClaimState.FLAGGED, ClaimActivity.Action.TEXT_CHANGED, "system", "The quote '" + claim.quote()
                + "' is no longer in revision " + revision + "; back to the fact-checker");
    }

    /** An administrator ended the claim's review at {@code where} before it reached its end. */
    @Transactional
    public void reviewCancelled(long claimId, String actor, String where) {
        Claim claim = get(claimId);
        claims.updateState(claimId, ClaimState.CANCELLED, clock.instant());
        activity(claim, ClaimState.CANCELLED, ClaimActivity.Action.CANCELLED, actor, "Review ended at '" + where + "' by " + actor
                + ", not through its verdict and decision");
    }

    /** The claim's correction or clarification is live as {@code revision}. */
    @Transactional
    public void published(long claimId, int revision) {
        claims.recordPublished(claimId, revision, clock.instant());
    }

    private void activity(Claim claim, ClaimState state, ClaimActivity.Action action, String actor, String detail) {
        events.publishEvent(new ClaimActivity(claim.id(), claim.articleId(), action,
                actor == null ? "system" : actor, clock.instant(), detail, state));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, E fallback) {
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw ProblemException.badRequest("invalid-claim", "Give a '" + field + "', one of "
                    + Arrays.toString(type.getEnumConstants()) + ".").with("field", field);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-" + field, "Unknown " + field + " '" + value + "'; use one of "
                    + Arrays.toString(type.getEnumConstants()) + ".").with("field", field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
