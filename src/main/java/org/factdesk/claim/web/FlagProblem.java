package org.factdesk.claim.web;

import java.util.List;

import org.factdesk.claim.ClaimState;
import org.factdesk.shared.Problems;
import org.factdesk.shared.Refusal;

/**
 * A refusal of the flag form in a person's words: the field it is about (null for the form as a whole), what to do
 * about it, and, when the words already have an open claim, that claim and a link to it on the page.
 */
record FlagProblem(String field, String message, Long claimId, String claimLink) {

    /** The fields of the flag form, in the order a person meets them. */
    static final List<String> FIELDS = List.of("quote", "category", "severity", "replacement",
            "note");

    static FlagProblem of(Refusal refusal, ArticlePages.FlagForm form) {
        String field = refusal.property("field");
        if (field != null && !FIELDS.contains(field)) {
            field = null;
        }
        return switch (refusal.type()) {
            case "claim-already-open" -> alreadyOpen(refusal);
            case "ambiguous-quote" -> new FlagProblem("quote", "\u201c" + Problems.shown(form.quote(), 60)
                    + "\u201d occurs more than once in the text. Select the one you mean, or tick \u201cEvery "
                    + "occurrence\u201d.", null, null);
            case "quote-not-found" -> new FlagProblem("quote", "These words are not in the current text. Select "
                    + "them in the article, or type them exactly as they appear, capitals and punctuation included.",
                    null, null);
            case "quote-not-at-start", "occurrence-not-found" -> new FlagProblem("quote", "The text changed under "
                    + "your selection. Select the words again.", null, null);
            case "invalid-claim" -> missing(field);
            case "unknown-category" -> new FlagProblem("category", "Choose one of the kinds of error in the list.",
                    null, null);
            case "unknown-severity" -> new FlagProblem("severity", "Choose one of the severities in the list.", null,
                    null);
            case "field-too-long" -> field == null ? whole(refusal) : new FlagProblem(field, "This is "
                    + length(form, field) + " characters long; FactDesk takes at most " + refusal.property("limit")
                    + ". Shorten it.", null, null);
            case "invalid-characters" -> field == null ? whole(refusal) : new FlagProblem(field, "This holds a "
                    + "character FactDesk cannot store (a control character or half of a symbol). Remove it and try "
                    + "again.", null, null);
            default -> whole(refusal);
        };
    }

    /** Whether this problem is about {@code name}, so the page marks that field. */
    public boolean on(String name) {
        return name.equals(field);
    }

    FlagProblem linkedTo(String link) {
        return new FlagProblem(field, message, claimId, link);
    }

    private static FlagProblem alreadyOpen(Refusal refusal) {
        String id = refusal.property("claimId");
        if (id == null) {
            return new FlagProblem("quote", "Someone flagged these words at this place a moment ago. Reload the "
                    + "page to see their claim.", null, null);
        }
        String state = refusal.property("claimState");
        String label = state == null ? "open" : ClaimState.valueOf(state).label();
        return new FlagProblem("quote", "Claim #" + id + " (" + label + ") is still open on these words at this "
                + "place. Add what you know to that claim instead of flagging them again.", Long.valueOf(id), null);
    }

    private static FlagProblem missing(String field) {
        if (field == null) {
            return new FlagProblem(null, "FactDesk could not flag this. Check the fields and try again.", null, null);
        }
        return new FlagProblem(field, switch (field) {
            case "quote" -> "Select the words in the text, or type them exactly as they appear.";
            case "category" -> "Choose what kind of error this is.";
            case "severity" -> "Choose how serious the error is.";
            default -> "Fill this in.";
        }, null, null);
    }

    /** A refusal no field explains (someone changed the article at the same moment): its own plain message. */
    private static FlagProblem whole(Refusal refusal) {
        return new FlagProblem(null, refusal.message(), null, null);
    }

    private static int length(ArticlePages.FlagForm form, String field) {
        String value = switch (field) {
            case "quote" -> form.quote();
            case "replacement" -> form.replacement();
            case "note" -> form.note();
            case "category" -> form.category();
            default -> form.severity();
        };
        return value == null ? 0 : value.length();
    }
}
