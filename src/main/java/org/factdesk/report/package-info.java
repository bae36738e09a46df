/**
 * Reader reports: a reader's "Report an error" from a public article page, kept apart from the newsroom's claims
 * until a fact-checker triages it (accepted as a claim with source {@code reader}, merged into an open claim on the
 * same words, or dismissed with a reason), with the reader's email only by consent and erasable on request.
 */
package org.factdesk.report;
