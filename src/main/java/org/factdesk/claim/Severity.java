package org.factdesk.claim;

/** How much harm the error does if it stays; the routing decision reads it. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
