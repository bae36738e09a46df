package org.factdesk.review;

import java.util.List;
import java.util.Set;

import org.factdesk.identity.Groups;

/**
 * The ids of the ReaderReport process (bpmn/ReaderReport.bpmn), its elements and its variables, beside
 * {@link ClaimReviewProcess}: a reader's report is triaged by a fact-checker before any claim exists. The business key
 * is the report id.
 */
public final class ReaderReportProcess {

    public static final String PROCESS_ID = "ReaderReport";
    public static final String RESOURCE = "bpmn/ReaderReport.bpmn";

    /** Candidate group of Triage report. */
    public static final String GROUP_FACT_CHECKERS = Groups.FACT_CHECKERS;

    /** Element ids in the model. */
    public static final class Element {
        public static final String START_REPORT_FILED = "StartEvent_ReportFiled";
        public static final String TASK_TRIAGE_REPORT = "Task_TriageReport";
        public static final String GATEWAY_TRIAGE = "Gateway_Triage";
        public static final String END_REPORT_ACCEPTED = "EndEvent_ReportAccepted";
        public static final String END_REPORT_MERGED = "EndEvent_ReportMerged";
        public static final String END_REPORT_DISMISSED = "EndEvent_ReportDismissed";

        private Element() {
        }
    }

    /** Process variable names. */
    public static final class Var {
        public static final String REPORT_ID = "reportId";
        public static final String ARTICLE_ID = "articleId";
        /** ACCEPT, MERGE or DISMISS (report.Triage), as the listener checked it; the gateway routes on it. */
        public static final String OUTCOME = "outcome";
        /** ACCEPT: the claim's category and severity, and optionally a replacement and a note. */
        public static final String CATEGORY = "category";
        public static final String SEVERITY = "severity";
        public static final String REPLACEMENT = "replacement";
        public static final String NOTE = "note";
        /** MERGE: the id of the open claim on the same words. */
        public static final String MERGE_INTO = "mergeInto";
        /** DISMISS: why. */
        public static final String REASON = "reason";
        /** Set by the listener: who triaged it, and the claim the report became or joined. */
        public static final String TRIAGED_BY = "triagedBy";
        public static final String CLAIM_ID = "claimId";

        /** Every variable a triage has; a completion that adds any other is refused. */
        public static final Set<String> ALL = Set.of(REPORT_ID, ARTICLE_ID, OUTCOME, CATEGORY, SEVERITY, REPLACEMENT,
                NOTE, MERGE_INTO, REASON, TRIAGED_BY, CLAIM_ID);

        private Var() {
        }
    }

    /** The variables a person sets by completing Triage report: its form. */
    public static final List<String> TRIAGE_FORM = List.of(Var.OUTCOME, Var.CATEGORY, Var.SEVERITY, Var.REPLACEMENT,
            Var.NOTE, Var.MERGE_INTO, Var.REASON);

    /** Spring bean names the model binds. */
    public static final class Bean {
        public static final String TRIAGE_REPORT_LISTENER = "triageReportListener";
        public static final String READER_REPORT_END_LISTENER = "readerReportEndListener";

        private Bean() {
        }
    }

    private ReaderReportProcess() {
    }
}
