package org.factdesk.claim;

/** What kind of error a claim points at; the routing decision reads it. */
public enum Category {
    TYPO("Typo"), NAME("Name"), TIME("Time"), NUMBER("Number"), FACTUAL("Fact"), DUPLICATE("Repeated text"),
    QUOTE("Quote");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The kind of error in words, as pages show it. */
    public String label() {
        return label;
    }
}
