package org.factdesk.article;

/** Whether a published update changed the text (a correction) or only explained it (a clarification). */
public enum CorrectionKind {
    CORRECTION("Correction"), CLARIFICATION("Clarification");

    private final String label;

    CorrectionKind(String label) {
        this.label = label;
    }

    /** The word readers see at the head of the notice and in the corrections list. */
    public String label() {
        return label;
    }
}
