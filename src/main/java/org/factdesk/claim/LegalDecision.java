package org.factdesk.claim;

/** The lawyer's decision on an approved update, given on Legal review. */
public enum LegalDecision {
    /** Publish the update as the editor approved it. */
    CLEAR("Cleared"),
    /** Publish it with the notice as the lawyer rewrote it. */
    REWRITE("Notice rewritten"),
    /** Publish nothing; the reason is recorded. */
    BLOCK("Blocked");

    private final String label;

    LegalDecision(String label) {
        this.label = label;
    }

    /** The decision, as the pages name it once taken. */
    public String label() {
        return label;
    }

    /** Whether the update goes on to be published. */
    public boolean publishes() {
        return this != BLOCK;
    }
}
