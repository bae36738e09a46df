package org.factdesk.claim;

/** The fact-checker's verdict on a claim, given on Verify claim. */
public enum Verdict {
    /** The quote is wrong; its replacement corrects the text. */
    ERROR_CONFIRMED("Error confirmed"),
    /** The quote stands, but readers need it explained. */
    CLARIFICATION_NEEDED("Clarification needed"),
    /** Nothing to change; the claim is dismissed. */
    NOT_AN_ERROR("Not an error");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The verdict in the words the pages use. */
    public String label() {
        return label;
    }

    /** Whether the verdict leads to a published update, and so to an editor's approval. */
    public boolean leadsToPublication() {
        return this != NOT_AN_ERROR;
    }
}
