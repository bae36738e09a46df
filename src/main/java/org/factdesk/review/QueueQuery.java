package org.factdesk.review;

import java.time.Instant;

import org.factdesk.claim.Category;
import org.factdesk.claim.Severity;
import org.factdesk.shared.ProblemException;

/**
 * One page of a person's review queue, as they ask for it: a tab, filters, an order, and the page. Every part is
 * answered by the database, so a page costs the same with a hundred open claims or a hundred thousand.
 *
 * @param step the task's definition key ({@code Task_VerifyClaim} or {@code Task_ApproveCorrection}), or null for both
 * @param dueBefore only tasks due before this instant
 * @param page 0 is the first page
 * @param search words that must each begin a word of the task's quote or article headline, in any case (a word with
 *     punctuation in it must also stand in them as it is); null for any task
 */
public record QueueQuery(Tab tab, Long articleId, Long claimId, Category category, Severity severity, String step,
        Instant dueBefore, Sort sort, int page, int size, String search) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** The longest search the queue takes, in characters. */
    public static final int MAX_SEARCH = 200;

    /** Which of a person's tasks: all of them, the ones they hold, their groups' unheld ones, returned or overdue. */
    public enum Tab { ALL, MINE, UNASSIGNED, RETURNED, OVERDUE }

    /** Most urgent first (priority, then deadline) or soonest deadline first. */
    public enum Sort { PRIORITY, DEADLINE }

    public QueueQuery {
        tab = tab == null ? Tab.ALL : tab;
        sort = sort == null ? Sort.PRIORITY : sort;
        if (page < 0) {
            throw ProblemException.badRequest("invalid-page", "'page' counts from 0; " + page + " is no page.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("invalid-page", "'size' is from 1 to " + MAX_SIZE + "; " + size
                    + " is outside that.");
        }
        if (step != null && ClaimReviewProcess.groupOf(step).isEmpty()) {
            throw ProblemException.badRequest("invalid-step", "'step' is " + ClaimReviewProcess.Element.TASK_VERIFY_CLAIM
                    + ", " + ClaimReviewProcess.Element.TASK_APPROVE_CORRECTION + " or "
                    + ClaimReviewProcess.Element.TASK_LEGAL_REVIEW + ".");
        }
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH) {
            throw ProblemException.badRequest("invalid-search", "'q' is at most " + MAX_SEARCH + " characters; this "
                    + "one has " + search.length() + ".");
        }
    }

    /** A query without a search, as callers wrote it before the queue had one. */
    public QueueQuery(Tab tab, Long articleId, Long claimId, Category category, Severity severity, String step,
            Instant dueBefore, Sort sort, int page, int size) {
        this(tab, articleId, claimId, category, severity, step, dueBefore, sort, page, size, null);
    }

    /** The search's words, lower-cased as the stored text is; none without a search. */
    java.util.List<String> words() {
        return search == null ? java.util.List.of()
                : java.util.Arrays.stream(search.toLowerCase(java.util.Locale.ROOT).split("\\s+"))
                        .filter(word -> !word.isEmpty()).distinct().toList();
    }

    /** The first page of the whole queue, most urgent first. */
    public static QueueQuery firstPage() {
        return new QueueQuery(Tab.ALL, null, null, null, null, null, null, Sort.PRIORITY, 0, DEFAULT_SIZE, null);
    }

    /** Where this page's rows start in the whole list. */
    long offset() {
        return (long) page * size;
    }

    /** The same query for another page. */
    public QueueQuery page(int other) {
        return new QueueQuery(tab, articleId, claimId, category, severity, step, dueBefore, sort, other, size, search);
    }
}
