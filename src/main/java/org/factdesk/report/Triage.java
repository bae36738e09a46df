package org.factdesk.report;

/** What a fact-checker makes of a reader report in the Triage report task. */
public enum Triage {
    /** Flag a claim with source {@code reader}; its review starts as for any flag. */
    ACCEPT,
    /** Join an open claim on the same words. */
    MERGE,
    /** Close the report, with a reason. */
    DISMISS
}
