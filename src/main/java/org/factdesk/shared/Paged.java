package org.factdesk.shared;

import java.util.List;

import org.springframework.http.HttpHeaders;

/** One page of a list read from the database: its items in the list's order, how many match in all, and the page. */
public record Paged<T>(List<T> items, long total, Paging paging) {

    /** The number of the last page (0 when everything fits on one). */
    public int lastPage() {
        return paging.lastPage(total);
    }

    /** {@code X-Total-Count} and the {@code Link}s to the other pages, as the queue answers them. */
    public HttpHeaders headers() {
        return PageLinks.of(paging.page(), lastPage(), total);
    }
}
