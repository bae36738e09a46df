package org.factdesk.claim;

/** What became of a claim, as auditors ask it: still open, corrected, clarified, dismissed or cancelled. */
public enum ClaimOutcome {
    OPEN("Still open"), CORRECTED("Corrected"), CLARIFIED("Clarified"), DISMISSED("Dismissed"),
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
        return switch (state) {
            case DISMISSED -> DISMISSED;
            case CANCELLED -> CANCELLED;
            case PUBLISHED -> verdict == Verdict.CLARIFICATION_NEEDED ? CLARIFIED : CORRECTED;
            default -> OPEN;
        };
    }
}
