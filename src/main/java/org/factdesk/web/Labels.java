package org.factdesk.web;

import org.factdesk.claim.ClaimState;
import org.springframework.stereotype.Component;

/** The words the pages use for states, verdicts, decisions and audit actions. Templates call {@code ${@labels...}}. */
@Component("labels")
public class Labels {

    public String state(ClaimState state) {
        return state == null ? "" : switch (state) {
            case FLAGGED -> "Flagged";
            case IN_REVIEW -> "In review";
            case AWAITING_APPROVAL -> "Awaiting approval";
            case PUBLISHING -> "Publishing";
            case PUBLISHED -> "Published";
            case DISMISSED -> "Dismissed";
            case CANCELLED -> "Cancelled";
        };
    }

    public String verdict(String verdict) {
        return verdict == null ? "" : switch (verdict) {
            case "ERROR_CONFIRMED" -> "Error confirmed";
            case "CLARIFICATION_NEEDED" -> "Clarification needed";
            case "NOT_AN_ERROR" -> "Not an error";
            default -> verdict;
        };
    }

    public String decision(String decision) {
        return decision == null ? "" : switch (decision) {
            case "APPROVE" -> "Approved";
            case "RETURN" -> "Returned";
            case "REJECT" -> "Rejected";
            default -> decision;
        };
    }

    /** An audit action in the past tense a timeline reads: "Flagged", "Claimed", "Verdict given"... */
    public String action(String action) {
        return action == null ? "" : switch (action) {
            case "IMPORTED" -> "Imported";
            case "FLAGGED" -> "Flagged";
            case "CLAIMED" -> "Claimed";
            case "UNCLAIMED" -> "Released";
            case "ASSIGNED" -> "Assigned";
            case "VERDICT" -> "Verdict";
            case "RETURNED" -> "Returned";
            case "APPROVED" -> "Approved";
            case "REJECTED" -> "Rejected";
            case "TEXT_CHANGED" -> "Text changed";
            case "PUBLISHED" -> "Published";
            default -> action.charAt(0) + action.substring(1).toLowerCase().replace('_', ' ');
        };
    }
}
