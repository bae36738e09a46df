package org.factdesk.claim;

import java.util.List;

import org.factdesk.article.CorrectionKind;
import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * What makes a verdict complete: a confirmed error needs corrected text that differs from the quote (unless it is
 * retracted, which changes no text) and the notice readers will see; a clarification needs its notice; "not an error"
 * needs the reason, for the record. And which kinds of update each verdict may publish: a confirmed error a
 * correction, a silent fix (where the routing decision allows one; it needs no notice) or a retraction; a
 * clarification a clarification or an editor's note.
 */
public final class Verdicts {

    /** The problem type of a silent fix the routing decision does not allow. */
    public static final String SILENT_FIX_NOT_ALLOWED = "silent-fix-not-allowed";

    private Verdicts() {
    }

    /**
     * Checks the fact-checker's verdict on {@code claim} and returns the replacement it publishes: the one given, else
     * the one proposed when the claim was flagged (null unless the error is confirmed). Refuses an incomplete verdict
     * with a 400 that says what is missing.
     */
    public static String check(Claim claim, Verdict verdict, String replacement, String notice, String note) {
        return check(claim, verdict, null, false, replacement, notice, note);
    }

    /**
     * As {@link #check(Claim, Verdict, String, String, String)}, for an update of {@code kind} (null: the one the
     * verdict leads to); a silent fix only if {@code silentFixAllowed}, as the routing decision says.
     */
    public static String check(Claim claim, Verdict verdict, CorrectionKind kind, boolean silentFixAllowed,
            String replacement, String notice, String note) {
        if (verdict == Verdict.NOT_AN_ERROR) {
            if (kind != null) {
                throw ProblemException.badRequest("invalid-kind", "NOT_AN_ERROR publishes nothing; leave 'kind' "
                        + "empty.");
            }
            if (note == null) {
                throw ProblemException.badRequest("invalid-verdict",
                        "NOT_AN_ERROR needs the reason in 'note', for the record.");
            }
            return replacement;
        }
        CorrectionKind chosen = kind != null ? kind : defaultKind(verdict);
        checkKind(claim, verdict, chosen, silentFixAllowed);
        String corrected = replacement != null ? replacement : claim.replacement();
        if (chosen.changesText()) {
            if (corrected == null) {
                throw ProblemException.badRequest("invalid-verdict",
                        verdict + " published as " + chosen + " needs the corrected text in 'replacement'.");
            }
            if (corrected.equals(claim.quote())) {
                throw ProblemException.badRequest("invalid-verdict",
                        "The replacement is the same as the quote; nothing would change.");
            }
        }
        if (chosen.hasPublicNotice()) {
            requireNotice(notice, chosen);
        }
        return verdict == Verdict.ERROR_CONFIRMED ? corrected : replacement;
    }

    /**
     * Checks the kind an editor chose on approving {@code claim}, against its recorded verdict, replacement and
     * notice; refuses one the verdict cannot publish, a silent fix the routing decision does not allow, and one that
     * needs a notice or replacement the fact-checker did not give (the editor returns the claim for it).
     */
    public static void checkApproval(Claim claim, CorrectionKind kind, boolean silentFixAllowed) {
        checkApproval(claim, kind, silentFixAllowed, null);
    }

    /**
     * As {@link #checkApproval(Claim, CorrectionKind, boolean)}, with the editor's own version of the notice or the
     * corrected words ({@code edit}, null for none): an edited notice must not be blank where the kind has one,
     * edited words must not be blank where the kind changes the text nor the same as the quote, and a kind that
     * changes no words takes no edited words. The same rules as the fact-checker's verdict, so an edit never
     * publishes what a verdict could not.
     */
    public static void checkApproval(Claim claim, CorrectionKind kind, boolean silentFixAllowed, Edit edit) {
        Verdict verdict = claim.verdict();
        checkKind(claim, verdict, kind, silentFixAllowed);
        if (edit != null && edit.notice() != null && edit.notice().isBlank() && kind.hasPublicNotice()) {
            throw ProblemException.badRequest("invalid-notice", "A " + kind + " needs the notice readers will see; "
                    + "'notice' was left empty.");
        }
        if (edit != null && edit.replacement() != null) {
            if (!kind.changesText()) {
                throw ProblemException.badRequest("invalid-replacement", "A " + kind + " changes no words; leave "
                        + "'replacement' out.");
            }
            if (edit.replacement().isBlank()) {
                throw ProblemException.badRequest("invalid-replacement", "A " + kind + " needs the corrected text; "
                        + "'replacement' was left empty.");
            }
            if (edit.replacement().strip().equals(claim.quote())) {
                throw ProblemException.badRequest("invalid-replacement",
                        "The replacement is the same as the quote; nothing would change.");
            }
        } else if (kind.changesText() && claim.replacement() == null) {
            throw ProblemException.badRequest("invalid-kind", kind + " changes the text, and claim " + claim.id()
                    + " has no replacement; RETURN it to the fact-checker for one.");
        }
        if (edit != null && edit.notice() != null && !edit.notice().isBlank()) {
            return;
        }
        if (kind.hasPublicNotice() && (claim.verification() == null || claim.verification().notice() == null)) {
            throw ProblemException.badRequest("invalid-kind", kind + " needs the notice readers will see, and claim "
                    + claim.id() + " has none; RETURN it to the fact-checker for one.");
        }
    }

    /**
     * An editor's own version of the notice and of the corrected words, each null where they left the fact-checker's
     * as it was; a blank one was emptied on purpose.
     */
    public record Edit(String notice, String replacement) {
    }

    /** The kind of update a verdict leads to when nobody chose one; null for a verdict that publishes nothing. */
    public static CorrectionKind defaultKind(Verdict verdict) {
        return verdict == null ? null : switch (verdict) {
            case ERROR_CONFIRMED -> CorrectionKind.CORRECTION;
            case CLARIFICATION_NEEDED -> CorrectionKind.CLARIFICATION;
            case NOT_AN_ERROR -> null;
        };
    }

    /** The kinds of update a verdict may publish. */
    public static List<CorrectionKind> kindsFor(Verdict verdict) {
        return verdict == null ? List.of() : switch (verdict) {
            case ERROR_CONFIRMED -> List.of(CorrectionKind.CORRECTION, CorrectionKind.SILENT_FIX,
                    CorrectionKind.RETRACTION);
            case CLARIFICATION_NEEDED -> List.of(CorrectionKind.CLARIFICATION, CorrectionKind.EDITORS_NOTE);
            case NOT_AN_ERROR -> List.of();
        };
    }

    private static void checkKind(Claim claim, Verdict verdict, CorrectionKind kind, boolean silentFixAllowed) {
        if (!kindsFor(verdict).contains(kind)) {
            throw ProblemException.badRequest("invalid-kind", verdict + " is published as one of " + kindsFor(verdict)
                    + ", not as " + kind + ".");
        }
        if (kind == CorrectionKind.SILENT_FIX && !silentFixAllowed) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, SILENT_FIX_NOT_ALLOWED, "Claim " + claim.id()
                    + " is a " + claim.severity() + " " + claim.category() + " claim, and the routing table allows a "
                    + "silent fix (no public notice) only for a low-severity typo that changes no meaning. Publish it "
                    + "as a CORRECTION, with a notice readers will see.");
        }
    }

    private static void requireNotice(String notice, CorrectionKind kind) {
        if (notice == null) {
            throw ProblemException.badRequest("invalid-verdict", "A " + kind + " needs the notice readers will see in "
                    + "'notice', e.g. \"An earlier version of this article misspelled the name of Qassem Soleimani.\"");
        }
    }
}
