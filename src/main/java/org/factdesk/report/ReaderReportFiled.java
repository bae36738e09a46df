package org.factdesk.report;

/** Published inside the transaction that stores a reader report: the review feature starts its triage on it. */
public record ReaderReportFiled(long reportId, long articleId) {
}
