package org.factdesk.review;

import java.time.Instant;

import org.factdesk.claim.Category;
import org.factdesk.claim.Severity;

/**
 * An open review task as the desk's queue reads it: the engine's task with what FactDesk filters and sorts it by,
 * kept in FactDesk's own table ({@link OpenTasks}).
 *
 * @param claimId the claim under review; null for the triage of a reader report, which has no claim yet
 * @param step the task's definition key in the model, such as {@code Task_VerifyClaim}
 * @param workGroup the group the model names for the step
 * @param returned whether an editor sent the claim back to this Verify claim
 * @param escalated when the task was escalated to the desk leads (who may then work it too); null if it was not
 * @param reportId the reader report a Triage report task is about; null for a claim's review
 * @param searchText what the queue's search looks in: the quote and the article's headline, lower-cased
 */
public record OpenTask(String taskId, Long claimId, long articleId, String step, String name, String workGroup,
        String holder, Category category, Severity severity, String flaggedBy, String verifiedBy, boolean returned,
        int priority, Instant due, Instant created, Instant escalated, Long reportId, String searchText) {

    /** The longest search text kept: a quote (2,000 characters at most) and a headline (1,000). */
    static final int SEARCH_TEXT_MAX = 3100;

    /** Whether desk leads may work the task as well as its group. */
    public boolean isEscalated() {
        return escalated != null;
    }

    /** The same task, now held by {@code holder}. */
    OpenTask heldBy(String holder) {
        return new OpenTask(taskId, claimId, articleId, step, name, workGroup, holder, category, severity, flaggedBy,
                verifiedBy, returned, priority, due, created, escalated, reportId, searchText);
    }

    /**
     * What a task is found by: the quote and the headline, lower-cased in the root locale (as the search's words are),
     * with a line between them so that no word runs across the two.
     */
    static String searchText(String quote, String headline) {
        String text = ((quote == null ? "" : quote) + "\n" + (headline == null ? "" : headline))
                .toLowerCase(java.util.Locale.ROOT);
        return text.length() > SEARCH_TEXT_MAX ? text.substring(0, SEARCH_TEXT_MAX) : text;
    }
}
