package org.factdesk.claim;

import org.factdesk.article.CorrectionKind;

/**
 * What became of a claim, as auditors ask it: still open, corrected, clarified, fixed silently, noted, retracted,
 * dismissed, blocked by legal or cancelled.
 */
public enum ClaimOutcome {
    OPEN("Still open"), CORRECTED("Corrected"), CLARIFIED("Clarified"), SILENTLY_FIXED("Silently fixed"),
    NOTED("Editor's note"), RETRACTED("Retracted"), DISMISSED("Dismissed"), BLOCKED("Blocked by legal"),
    CANCELLED("Cancelled");

    private final String label;

    ClaimOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome of a claim in {@code state} with {@code verdict} (null before Verify claim). */
    public static ClaimOutcome of(ClaimState state, Verdict verdict) {
        return of(state, verdict, null);
    }

    /**
     * The outcome of a claim in {@code state} with {@code verdict} and the kind of update chosen for it (null: the
     * one its verdict leads to).
     */
    public static ClaimOutcome of(ClaimState state, Verdict verdict, CorrectionKind kind) {
        return switch (state) {
            case DISMISSED -> DISMISSED;
            case BLOCKED -> BLOCKED;
            case CANCELLED -> CANCELLED;
            case PUBLISHED -> published(kind != null ? kind : verdict == Verdict.CLARIFICATION_NEEDED
                    ? CorrectionKind.CLARIFICATION : CorrectionKind.CORRECTION);
            default -> OPEN;
        };
    }

    /** The outcome of a published update of this kind. */
    public static ClaimOutcome published(CorrectionKind kind) {
        return switch (kind) {
            case CORRECTION -> CORRECTED;
            case CLARIFICATION -> CLARIFIED;
            case SILENT_FIX -> SILENTLY_FIXED;
            case EDITORS_NOTE -> NOTED;
            case RETRACTION -> RETRACTED;
        };
    }
}
