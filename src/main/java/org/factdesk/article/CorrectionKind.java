package org.factdesk.article;

/**
 * The kinds of published update a newsroom uses, each with the words readers see: a correction changes the text and
 * says so; a clarification explains it without changing it; a silent fix mends a typo that changes no meaning, in a
 * new revision and the audit trail but with no public notice; an editor's note stands with the article without
 * changing its text; a retraction replaces the article's public page with its notice.
 */
public enum CorrectionKind {
    CORRECTION("Correction", true, true),
    CLARIFICATION("Clarification", false, true),
    SILENT_FIX("Silent fix", true, false),
    EDITORS_NOTE("Editor\u2019s note", false, true),
    RETRACTION("Retraction", false, true);

    private final String label;
    private final boolean changesText;
    private final boolean publicNotice;

    CorrectionKind(String label, boolean changesText, boolean publicNotice) {
        this.label = label;
        this.changesText = changesText;
        this.publicNotice = publicNotice;
    }

    /** The word readers see at the head of the notice and in the corrections list. */
    public String label() {
        return label;
    }

    /** Whether the update puts the claim's replacement into the text. */
    public boolean changesText() {
        return changesText;
    }

    /** Whether readers see the update's notice: on the article, on the corrections page and in its feed. */
    public boolean hasPublicNotice() {
        return publicNotice;
    }
}
