package org.factdesk.claim;

import java.time.Instant;
import java.util.List;

import org.factdesk.article.CorrectionKind;
import org.factdesk.article.TextAnchor;

/**
 * A flagged quote on one revision of an article and what review has made of it so far: the {@link Flag} as it was
 * raised, the replacement now proposed, who holds its open review task (null when nobody does), the fact-checker's
 * {@link Verification} and the editor's {@link Approval} (each null until given), the revision that published
 * it, the kind of update chosen for it (null: the one its verdict leads to), the lawyer's {@link Legal} review
 * (null unless one was given) and the editor who last changed the notice or the corrected words on approving (null
 * while they stand as the fact-checker wrote them).
 */
public record Claim(
        long id,
        long articleId,
        int revision,
        Flag flag,
        String replacement,
        ClaimState state,
        String holder,
        Verification verification,
        Approval approval,
        Integer publishedRevision,
        Instant updatedAt,
        CorrectionKind kind,
        Legal legal,
        String editedBy) {

    /** A claim with no kind chosen and no legal review, as claims were before either existed. */
    public Claim(long id, long articleId, int revision, Flag flag, String replacement, ClaimState state, String holder,
            Verification verification, Approval approval, Integer publishedRevision, Instant updatedAt) {
        this(id, articleId, revision, flag, replacement, state, holder, verification, approval, publishedRevision,
                updatedAt, null, null, null);
    }

    /** A claim whose notice and corrected words stand as the fact-checker wrote them. */
    public Claim(long id, long articleId, int revision, Flag flag, String replacement, ClaimState state, String holder,
            Verification verification, Approval approval, Integer publishedRevision, Instant updatedAt,
            CorrectionKind kind, Legal legal) {
        this(id, articleId, revision, flag, replacement, state, holder, verification, approval, publishedRevision,
                updatedAt, kind, legal, null);
    }

    /** What was flagged, by whom and how: fixed once the claim exists. */
    public record Flag(TextAnchor anchor, boolean allOccurrences, int occurrences, Category category,
            Severity severity, String note, String by, String source, Instant at) {
    }

    /** The fact-checker's verdict, with the notice readers will see and the verifier's note. */
    public record Verification(Verdict verdict, String by, String notice, String note) {
    }

    /** The editor's decision on the verdict, with their comment. */
    public record Approval(Decision decision, String by, String comment) {
    }

    /** The lawyer's decision on the approved update, the notice as they rewrote it (or null) and their reason. */
    public record Legal(LegalDecision decision, String by, String notice, String comment) {
    }

    public String quote() {
        return flag.anchor().exact();
    }

    public TextAnchor anchor() {
        return flag.anchor();
    }

    public Category category() {
        return flag.category();
    }

    public Severity severity() {
        return flag.severity();
    }

    public String flaggedBy() {
        return flag.by();
    }

    /** The verdict, or null before Verify claim was completed. */
    public Verdict verdict() {
        return verification == null ? null : verification.verdict();
    }

    /** Who gave the verdict, or null. */
    public String verifiedBy() {
        return verification == null ? null : verification.by();
    }

    /** The editor's decision, or null before Approve correction was completed (and again after a return). */
    public Decision decision() {
        return approval == null ? null : approval.decision();
    }

    /** The editor who approved the update, or null while none has. */
    public String approvedBy() {
        return approval == null || approval.decision() != Decision.APPROVE ? null : approval.by();
    }

    /**
     * The kind of update the claim publishes: the one chosen, else the one its verdict leads to; null for a claim
     * whose verdict publishes nothing (or has none yet).
     */
    public CorrectionKind kindOfUpdate() {
        return kind != null ? kind : Verdicts.defaultKind(verdict());
    }

    /** The notice readers will see: the lawyer's rewrite if there is one, else the fact-checker's; null for none. */
    public String publishedNotice() {
        if (legal != null && legal.notice() != null) {
            return legal.notice();
        }
        return verification == null ? null : verification.notice();
    }

    /**
     * Start indices of the quote in {@code current}: every occurrence for an all-occurrences claim, else the one
     * flagged on {@code flaggedOn} (the text of the claim's revision) followed through the corrections published
     * since. Empty when those corrections changed it.
     */
    public List<Integer> placesIn(String flaggedOn, String current) {
        if (flag.allOccurrences()) {
            return TextAnchor.occurrences(current, quote());
        }
        return flag.anchor().relocate(flaggedOn, current).map(found -> List.of(found.start())).orElse(List.of());
    }

    /**
     * This claim with {@code holder} holding its open review task: a claim awaiting verification that someone holds
     * is in review.
     */
    public Claim heldBy(String holder) {
        ClaimState now = state == ClaimState.FLAGGED && holder != null ? ClaimState.IN_REVIEW : state;
        return new Claim(id, articleId, revision, flag, replacement, now, holder, verification, approval,
                publishedRevision, updatedAt, kind, legal, editedBy);
    }

    /**
     * Who last wrote the notice and the corrected words: the editor who changed them on approving, else the
     * fact-checker; null before a verdict.
     */
    public String lastEditedBy() {
        return editedBy != null ? editedBy : verifiedBy();
    }

    /** What became of the claim. */
    public ClaimOutcome outcome() {
        return ClaimOutcome.of(state, verdict(), kind);
    }
}
