package org.factdesk.claim;

import org.factdesk.shared.ProblemException;

/**
 * What makes a verdict complete: a confirmed error needs corrected text that differs from the quote and the notice
 * readers will see; a clarification needs its notice; "not an error" needs the reason, for the record.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Checks the fact-checker's verdict on {@code claim} and returns the replacement it publishes: the one given, else
     * the one proposed when the claim was flagged (null unless the error is confirmed). Refuses an incomplete verdict
     * with a 400 that says what is missing.
     */
    public static String check(Claim claim, Verdict verdict, String replacement, String notice, String note) {
        switch (verdict) {
            case ERROR_CONFIRMED -> {
                String corrected = replacement != null ? replacement : claim.replacement();
                if (corrected == null) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "ERROR_CONFIRMED needs the corrected text in 'replacement'.");
                }
                if (corrected.equals(claim.quote())) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "The replacement is the same as the quote; nothing would change.");
                }
                requireNotice(notice, verdict);
                return corrected;
            }
            case CLARIFICATION_NEEDED -> requireNotice(notice, verdict);
            case NOT_AN_ERROR -> {
                if (note == null) {
                    throw ProblemException.badRequest("invalid-verdict",
                            "NOT_AN_ERROR needs the reason in 'note', for the record.");
                }
            }
        }
        return replacement;
    }

    private static void requireNotice(String notice, Verdict verdict) {
        if (notice == null) {
            throw ProblemException.badRequest("invalid-verdict", verdict + " needs the notice readers will see in "
                    + "'notice', e.g. \"An earlier version of this article misspelled the name of Qassem Soleimani.\"");
        }
    }
}
