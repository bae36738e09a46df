package org.factdesk.claim;

import java.time.Instant;

import org.factdesk.article.TextAnchor;

/** Claims built in memory for tests of the pure rules: no database, no Spring. */
final class Claims {

    private Claims() {
    }

    /** A claim on {@code quote} at the start of {@code text}, flagged by {@code flaggedBy}, not yet verified. */
    static Claim flagged(String text, String quote, String replacement, String flaggedBy) {
        int start = text.indexOf(quote);
        Claim.Flag flag = new Claim.Flag(TextAnchor.at(text, start, start + quote.length()), false, 1, Category.TYPO,
                Severity.LOW, null, flaggedBy, ClaimService.SOURCE_MANUAL, Instant.EPOCH);
        return new Claim(1, 1, 1, flag, replacement, ClaimState.FLAGGED, null, null, null, null, Instant.EPOCH);
    }

    static Claim verified(Claim claim, Verdict verdict, String verifiedBy) {
        return new Claim(claim.id(), claim.articleId(), claim.revision(), claim.flag(), claim.replacement(),
                ClaimState.AWAITING_APPROVAL, null, new Claim.Verification(verdict, verifiedBy, "Notice.", null), null,
                null, Instant.EPOCH);
    }
}
