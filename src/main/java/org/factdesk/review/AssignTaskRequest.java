package org.factdesk.review;

/**
 * Giving a review task to a colleague: {@code assignee} is the user who should hold it; {@code expectedHolder}, when
 * given, is who the caller saw holding it ({@code ""} for nobody), and if someone else holds it by now the hand-over
 * is a 409 instead of undoing theirs.
 */
public record AssignTaskRequest(String assignee, String expectedHolder) {

    /** An assignment that does not check who held the task. */
    public AssignTaskRequest(String assignee) {
        this(assignee, null);
    }
}
