package org.factdesk.claim;

/** The editor's decision on a verified claim, given on Approve correction. */
public enum Decision {
    /** Publish the correction or clarification. */
    APPROVE("Approved"),
    /** Back to the fact-checkers with a comment. */
    RETURN("Returned"),
    /** Dismiss the claim with a reason. */
    REJECT("Rejected");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    /** The decision, as the pages name it once taken. */
    public String label() {
        return label;
    }
}
