package org.factdesk.claim;

/** How much harm the error does if it stays; the routing decision reads it. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** The severity in words, as pages show it: "low", "medium", "high". */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
