package org.factdesk.review;

import org.factdesk.claim.Claim;
import org.factdesk.shared.ProblemException;

/** The four-eyes rule: an editor never approves a claim they flagged or verified. */
final class FourEyes {

    static final String PROBLEM_TYPE = "four-eyes";

    private FourEyes() {
    }

    static boolean allows(Claim claim, String editor) {
        return !editor.equals(claim.flaggedBy()) && !editor.equals(claim.verifiedBy());
    }

    static void check(Claim claim, String editor) {
        if (!allows(claim, editor)) {
            String role = editor.equals(claim.flaggedBy()) ? "flagged" : "verified";
            throw ProblemException.forbidden(PROBLEM_TYPE, editor + " " + role + " claim " + claim.id()
                    + " and so may not approve its correction; another editor must.");
        }
    }
}
