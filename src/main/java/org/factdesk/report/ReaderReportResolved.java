package org.factdesk.report;

/**
 * Published inside the publication's transaction when a claim that a reader reported (accepted from the report, or
 * the report merged into it) goes live, for a reader who left an email and consented to hear back. FactDesk erases
 * the email from the report in the same transaction: whoever sends the message takes it from this event.
 *
 * @param correctionLink the public page of the correction, absolute ({@code factdesk.reports.public-url})
 */
public record ReaderReportResolved(long reportId, String email, long articleId, long claimId,
        String correctionLink) {

    @Override
    public String toString() {
        // Events end up in logs; the address does not.
        return "ReaderReportResolved[reportId=" + reportId + ", articleId=" + articleId + ", claimId=" + claimId + "]";
    }
}
