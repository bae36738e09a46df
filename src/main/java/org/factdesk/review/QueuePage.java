package org.factdesk.review;

import java.util.List;

/** One page of a review queue: its tasks in order, how many match in all, and where the page stands. */
public record QueuePage(List<ReviewTask> tasks, long total, int page, int size) {

    /** The number of the last page (0 when everything fits on one). */
    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
