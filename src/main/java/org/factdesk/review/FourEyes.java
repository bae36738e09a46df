package org.factdesk.review;

import java.util.Optional;

import org.factdesk.claim.Claim;
import org.factdesk.shared.ProblemException;

/**
 * The four-eyes rule: an editor never approves a claim they flagged or verified. The engine's listener enforces it;
 * pages ask it too, to explain the rule before anyone presses a button.
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

    static void check(Claim claim, String editor) {
        conflict(claim, editor).ifPresent(role -> {
            throw ProblemException.forbidden(PROBLEM_TYPE, editor + " " + role + " claim " + claim.id()
                    + " and so may not approve its correction; another editor must.");
        });
    }
}
