package org.factdesk.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.factdesk.claim.ClaimActivity;
import org.factdesk.report.ReaderReportActivity;

/**
 * Every kind of step the audit log records, stored by name, with the words a timeline reads and the stage of a
 * claim's way that the step completes. A review step has the name of its {@link ClaimActivity.Action}.
 */
public enum AuditAction {
    IMPORTED("Imported", null),
    FLAGGED("Flagged", Stage.FLAGGED),
    CLAIMED("Claimed", Stage.CLAIMED),
    UNCLAIMED("Released", null),
    ASSIGNED("Assigned", Stage.CLAIMED),
    VERDICT("Verdict", Stage.VERDICT),
    RETURNED("Returned", null),
    APPROVED("Approved", Stage.APPROVAL),
    REJECTED("Rejected", Stage.APPROVAL),
    // Only some claims go through legal review, so it is no stage every claim's timeline waits for.
    LEGAL_CLEARED("Cleared by legal", null),
    NOTICE_REWRITTEN("Notice rewritten by legal", null),
    LEGAL_BLOCKED("Blocked by legal", null),
    TEXT_CHANGED("Text changed", null),
    /** An editor changed the notice or the corrected words on approving; the entry keeps the before and after. */
    EDITED("Edited by the editor", null),
    CANCELLED("Cancelled", null),
    PUBLISHED("Published", Stage.PUBLISHED),
    /** A review task fell due and its holder, or its group, was reminded. */
    REMINDED("Reminded", null),
    /** A review task stayed open past its due date: its priority was raised and the desk leads may work it. */
    ESCALATED("Escalated", null),
    /** A desk's overdue open tasks passed the backlog threshold. */
    BACKLOG_ALERTED("Backlog alert", null),
    REPORT_FILED("Reader report filed", null),
    REPORT_ACCEPTED("Reader report accepted", null),
    REPORT_MERGED("Reader report merged", null),
    REPORT_DISMISSED("Reader report dismissed", null),
    REPORT_ERASED("Reader's details erased", null),
    REPORT_RESOLVED("Reader report resolved", null);

    /** The steps on a claim's way from flag to publication, as the timeline's stage bar shows them. */
    public enum Stage {
        FLAGGED("Flagged"), CLAIMED("Claimed"), VERDICT("Verdict"), APPROVAL("Approval"), PUBLISHED("Published");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Stage stage;

    AuditAction(String label, Stage stage) {
        this.label = label;
        this.stage = stage;
    }

    /** The step in the past tense a timeline reads. */
    public String label() {
        return label;
    }

    /** The stage this step completes, if it completes one. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The audit action of a review step. */
    public static AuditAction of(ClaimActivity.Action action) {
        return valueOf(action.name());
    }

    /**
     * Whether the step sends the claim back to verification (an editor's return, or the quote gone before publishing):
     * its verdict and approval are then to do again.
     */
    public boolean sendsBack() {
        return this == RETURNED || this == TEXT_CHANGED;
    }

    /** The audit action of a step of a reader report. */
    public static AuditAction of(ReaderReportActivity.Action action) {
        return switch (action) {
            case FILED -> REPORT_FILED;
            case ACCEPTED -> REPORT_ACCEPTED;
            case MERGED -> REPORT_MERGED;
            case DISMISSED -> REPORT_DISMISSED;
            case ERASED -> REPORT_ERASED;
            case RESOLVED -> REPORT_RESOLVED;
        };
    }

    /** The action a stored entry names, if FactDesk knows it (a tampered row may name anything). */
    public static Optional<AuditAction> named(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }

    /** The label of a stored action name; a name FactDesk does not know is shown as it is, in sentence case. */
    public static String labelOf(String name) {
        return name == null || name.isEmpty() ? "" : named(name).map(AuditAction::label)
                .orElse(name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
