package org.factdesk.claim;

/** What kind of error a claim points at; the routing decision reads it. */
public enum Category {
    TYPO, NAME, TIME, NUMBER, FACTUAL, DUPLICATE, QUOTE
}
