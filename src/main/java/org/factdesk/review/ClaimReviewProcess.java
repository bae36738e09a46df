package org.factdesk.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.factdesk.identity.Groups;

/**
 * The ids of the ClaimReview process, its decision and its elements, and the names of its variables,
 * shared by the delegates, the task API and the tests so that a renamed element breaks the build, not production.
 */
public final class ClaimReviewProcess {

    public static final String PROCESS_ID = "ClaimReview";
    public static final String RESOURCE = "bpmn/ClaimReview.bpmn";
    public static final String ROUTING_DECISION_ID = "ClaimRouting";
    public static final String ROUTING_RESOURCE = "bpmn/ClaimRouting.dmn";

    /** Candidate group of Verify claim. */
    public static final String GROUP_FACT_CHECKERS = Groups.FACT_CHECKERS;
    /** Candidate group of Approve correction. */
    public static final String GROUP_EDITORS = Groups.EDITORS;
    /** Candidate group of Legal review. */
    public static final String GROUP_LEGAL = Groups.LEGAL;
    /** Added as a candidate group of a review task once it is escalated: desk leads may then work it too. */
    public static final String GROUP_DESK_LEADS = Groups.DESK_LEADS;
    /**
     * The desks whose overdue tasks are counted for the backlog alert: the groups that work the two review steps whose
     * deadlines escalate (Legal review has no escalation of its own).
     */
    public static final List<String> WORK_GROUPS = List.of(GROUP_FACT_CHECKERS, GROUP_EDITORS);

    /** Element ids in the model. */
    public static final class Element {
        public static final String START_CLAIM_FLAGGED = "StartEvent_ClaimFlagged";
        public static final String TASK_ROUTE_CLAIM = "Task_RouteClaim";
        public static final String GATEWAY_JOIN_VERIFY = "Gateway_JoinVerify";
        public static final String TASK_VERIFY_CLAIM = "Task_VerifyClaim";
        public static final String GATEWAY_VERDICT = "Gateway_Verdict";
        public static final String TASK_APPROVE_CORRECTION = "Task_ApproveCorrection";
        public static final String GATEWAY_EDITOR_DECISION = "Gateway_EditorDecision";
        public static final String GATEWAY_LEGAL_REVIEW_NEEDED = "Gateway_LegalReviewNeeded";
        public static final String TASK_LEGAL_REVIEW = "Task_LegalReview";
        public static final String GATEWAY_LEGAL_DECISION = "Gateway_LegalDecision";
        public static final String GATEWAY_JOIN_PUBLISH = "Gateway_JoinPublish";
        public static final String END_CORRECTION_BLOCKED = "EndEvent_CorrectionBlocked";
        public static final String TASK_PUBLISH_CORRECTION = "Task_PublishCorrection";
        public static final String BOUNDARY_TEXT_CHANGED = "BoundaryEvent_TextChanged";
        /** Non-interrupting timers on Verify claim: due soon (remind), overdue (escalate). */
        public static final String BOUNDARY_VERIFY_REMINDER = "BoundaryEvent_VerifyReminder";
        public static final String BOUNDARY_VERIFY_OVERDUE = "BoundaryEvent_VerifyOverdue";
        public static final String TASK_REMIND_VERIFIER = "Task_RemindVerifier";
        public static final String TASK_ESCALATE_VERIFICATION = "Task_EscalateVerification";
        public static final String END_VERIFIER_REMINDED = "EndEvent_VerifierReminded";
        public static final String END_VERIFICATION_ESCALATED = "EndEvent_VerificationEscalated";
        /** Non-interrupting timers on Approve correction: due soon (remind), overdue (escalate). */
        public static final String BOUNDARY_APPROVAL_REMINDER = "BoundaryEvent_ApprovalReminder";
        public static final String BOUNDARY_APPROVAL_OVERDUE = "BoundaryEvent_ApprovalOverdue";
        public static final String TASK_REMIND_APPROVER = "Task_RemindApprover";
        public static final String TASK_ESCALATE_APPROVAL = "Task_EscalateApproval";
        public static final String END_APPROVER_REMINDED = "EndEvent_ApproverReminded";
        public static final String END_APPROVAL_ESCALATED = "EndEvent_ApprovalEscalated";
        public static final String END_CORRECTION_PUBLISHED = "EndEvent_CorrectionPublished";
        public static final String END_CLAIM_DISMISSED = "EndEvent_ClaimDismissed";
        public static final String END_CORRECTION_REJECTED = "EndEvent_CorrectionRejected";

        private Element() {
        }
    }

    /** Process variable names. Variables hold ids and small values, never entities. */
    public static final class Var {
        public static final String CLAIM_ID = "claimId";
        public static final String ARTICLE_ID = "articleId";
        public static final String CATEGORY = "category";
        public static final String SEVERITY = "severity";
        public static final String FLAGGED_BY = "flaggedBy";
        /** Output of the routing decision: URGENT, STANDARD or ROUTINE. */
        public static final String REVIEW_PATH = "reviewPath";
        /** Output of the routing decision: the task priority, 0 to 100. */
        public static final String REVIEW_PRIORITY = "reviewPriority";
        /** Output of the routing decision: how long a review task may take, an ISO-8601 duration such as PT4H. */
        public static final String REVIEW_DUE = "reviewDue";
        /** Output of the routing decision: whether a lawyer reviews the approved update before it is published. */
        public static final String LEGAL_REVIEW = "legalReview";
        /** Output of the routing decision: whether the update may be a silent fix, with no public notice. */
        public static final String SILENT_FIX_ALLOWED = "silentFixAllowed";
        /** The kind of update (a CorrectionKind name): proposed on Verify claim, changed on Approve correction. */
        public static final String KIND = "kind";
        public static final String VERDICT = "verdict";
        public static final String REPLACEMENT = "replacement";
        public static final String NOTICE = "notice";
        public static final String NOTE = "note";
        public static final String VERIFIED_BY = "verifiedBy";
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        public static final String APPROVED_BY = "approvedBy";
        /** The lawyer's decision on Legal review: CLEAR, REWRITE or BLOCK. */
        public static final String LEGAL_DECISION = "legalDecision";
        /** The notice as the lawyer rewrote it. */
        public static final String LEGAL_NOTICE = "legalNotice";
        /** Why the lawyer blocked the update, or a note on the clearance. */
        public static final String LEGAL_COMMENT = "legalComment";

        /** Every variable a claim review has; a completion that adds any other is refused. */
        public static final Set<String> ALL = Set.of(CLAIM_ID, ARTICLE_ID, CATEGORY, SEVERITY, FLAGGED_BY,
                REVIEW_PATH, REVIEW_PRIORITY, REVIEW_DUE, LEGAL_REVIEW, SILENT_FIX_ALLOWED, KIND, VERDICT, REPLACEMENT,
                NOTICE, NOTE, VERIFIED_BY, DECISION, COMMENT, APPROVED_BY, LEGAL_DECISION, LEGAL_NOTICE, LEGAL_COMMENT);

        private Var() {
        }
    }

    /** The variables a person sets by completing Verify claim: its form. */
    public static final List<String> VERIFY_FORM = List.of(Var.VERDICT, Var.REPLACEMENT, Var.NOTICE, Var.NOTE,
            Var.KIND);
    /** The variables a person sets by completing Approve correction: its form. */
    public static final List<String> APPROVE_FORM = List.of(Var.DECISION, Var.COMMENT, Var.KIND);
    /** The variables a person sets by completing Legal review: its form. */
    public static final List<String> LEGAL_FORM = List.of(Var.LEGAL_DECISION, Var.LEGAL_NOTICE, Var.LEGAL_COMMENT);

    /**
     * The group whose members work a review task, as the model says; never the task's current identity links, which
     * an API call could change.
     */
    public static Optional<String> groupOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey == null ? "" : taskDefinitionKey) {
            case Element.TASK_VERIFY_CLAIM -> Optional.of(GROUP_FACT_CHECKERS);
            case Element.TASK_APPROVE_CORRECTION -> Optional.of(GROUP_EDITORS);
            case Element.TASK_LEGAL_REVIEW -> Optional.of(GROUP_LEGAL);
            default -> Optional.empty();
        };
    }

    /**
     * The review task a reminder or escalation step acts on: the user task whose timer led to it. Empty for any other
     * element.
     */
    public static Optional<String> deadlineStepOf(String activityId) {
        return switch (activityId == null ? "" : activityId) {
            case Element.TASK_REMIND_VERIFIER, Element.TASK_ESCALATE_VERIFICATION ->
                    Optional.of(Element.TASK_VERIFY_CLAIM);
            case Element.TASK_REMIND_APPROVER, Element.TASK_ESCALATE_APPROVAL ->
                    Optional.of(Element.TASK_APPROVE_CORRECTION);
            default -> Optional.empty();
        };
    }

    /** Whether {@code group} works a step of the review. */
    public static boolean isWorkGroup(String group) {
        return GROUP_FACT_CHECKERS.equals(group) || GROUP_EDITORS.equals(group) || GROUP_LEGAL.equals(group);
    }

    /** The form variables of a review task; empty for any other element. */
    public static List<String> formOf(String taskDefinitionKey) {
        return switch (taskDefinitionKey == null ? "" : taskDefinitionKey) {
            case Element.TASK_VERIFY_CLAIM -> VERIFY_FORM;
            case Element.TASK_APPROVE_CORRECTION -> APPROVE_FORM;
            case Element.TASK_LEGAL_REVIEW -> LEGAL_FORM;
            default -> List.of();
        };
    }

    /** Error code of the BPMN error thrown when the quote is no longer in the current text. */
    public static final String ERROR_TEXT_CHANGED = "TEXT_CHANGED";

    /** Spring bean names the model binds with camunda:delegateExpression or uses in expressions. */
    public static final class Bean {
        public static final String VERIFY_CLAIM_LISTENER = "verifyClaimListener";
        public static final String APPROVE_CORRECTION_LISTENER = "approveCorrectionListener";
        public static final String LEGAL_REVIEW_LISTENER = "legalReviewListener";
        public static final String PUBLISH_CORRECTION_DELEGATE = "publishCorrectionDelegate";
        public static final String REVIEW_DEADLINES = "reviewDeadlines";
        public static final String REVIEW_END_LISTENER = "reviewEndListener";
        public static final String REMIND_REVIEWER_DELEGATE = "remindReviewerDelegate";
        public static final String ESCALATE_REVIEW_DELEGATE = "escalateReviewDelegate";
        /** Who a returned Verify claim goes to: {@code ${reviewReturns.verifierFor(...)}}. */
        public static final String REVIEW_RETURNS = "reviewReturns";

        private Bean() {
        }
    }

    private ClaimReviewProcess() {
    }
}
