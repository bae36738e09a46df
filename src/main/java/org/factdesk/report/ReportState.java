package org.factdesk.report;

/** Where a reader report stands in triage. */
public enum ReportState {
    /** Waiting for a fact-checker to triage it. */
    OPEN,
    /** Accepted: a claim with source {@code reader} was flagged from it. */
    ACCEPTED,
    /** Joined an open claim on the same words. */
    MERGED,
    /** Dismissed, with the reason the desk gave. */
    DISMISSED
}
