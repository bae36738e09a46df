package org.factdesk.review;

import java.util.Optional;

import org.factdesk.claim.Claim;
import org.factdesk.shared.ProblemException;

/**
 * The four-eyes rule: an editor never approves a claim they flagged or verified, and a lawyer never reviews one they
 * flagged, verified or approved. The engine's listeners enforce it; pages ask it too, to explain the rule before
 * anyone presses a button.
 */
public final class FourEyes {

    static final String PROBLEM_TYPE = "four-eyes";

    private FourEyes() {
    }

    /** What the editor did to the claim that keeps them from approving it: "flagged" or "verified"; empty if nothing. */
    public static Optional<String> conflict(Claim claim, String editor) {
        if (editor.equals(claim.flaggedBy())) {
            return Optional.of("flagged");
        }
        if (editor.equals(claim.verifiedBy())) {
            return Optional.of("verified");
        }
        return Optional.empty();
    }

    /**
     * What the lawyer did to the claim that keeps them from its legal review: "flagged", "verified" or "approved";
     * empty if nothing.
     */
    public static Optional<String> legalConflict(Claim claim, String lawyer) {
        Optional<String> earlier = conflict(claim, lawyer);
        if (earlier.isPresent()) {
            return earlier;
        }
        return lawyer.equals(claim.approvedBy()) ? Optional.of("approved") : Optional.empty();
    }

    static void check(Claim claim, String editor) {
        conflict(claim, editor).ifPresent(role -> {
            throw ProblemException.forbidden(PROBLEM_TYPE, editor + " " + role + " claim " + claim.id()
                    + " and so may not approve its correction; another editor must.");
        });
    }

    static void checkLegal(Claim claim, String lawyer) {
        legalConflict(claim, lawyer).ifPresent(role -> {
            throw ProblemException.forbidden(PROBLEM_TYPE, lawyer + " " + role + " claim " + claim.id()
                    + " and so may not give its legal review; another lawyer must.");
        });
    }
}
