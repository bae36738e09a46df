package org.factdesk.report;

/**
 * What a reader sends with "Report an error": the words ({@code quote}, and {@code start} when the page's script
 * saw where they were selected), what is wrong with them, and an email only with the consent box ticked.
 */
public record ReportRequest(String quote, Integer start, String problem, String email, boolean consent) {
}
