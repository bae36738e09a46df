package org.factdesk.shared;

/**
 * Which page of a list a client asked for (0 is the first) and how long a page is, within the list's limit: a page
 * below 0 or a size outside 1 to the limit is a 400 problem of type {@code invalid-page} that says what is allowed.
 */
public record Paging(int page, int size) {

    /** The page and size a request sent (null: the first page, of the default size), checked against the limit. */
    public static Paging of(Integer page, Integer size, int defaultSize, int maxSize) {
        int p = page == null ? 0 : page;
        int s = size == null ? defaultSize : size;
        if (p < 0) {
            throw ProblemException.badRequest("invalid-page", "'page' counts from 0; " + p + " is no page.");
        }
        if (s < 1 || s > maxSize) {
            throw ProblemException.badRequest("invalid-page", "'size' is from 1 to " + maxSize + "; " + s
                    + " is outside that.");
        }
        return new Paging(p, s);
    }

    /** Where the page's rows start in the whole list; a long, so no page number overflows it. */
    public long offset() {
        return (long) page * size;
    }

    /** The number of the last page of a list this long (0 when everything fits on one). */
    public int lastPage(long total) {
        return total == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total - 1) / size);
    }

    /**
     * The SQL that reads only this page, after an {@code ORDER BY}. The numbers are written into the statement
     * rather than bound: H2 may hand back an earlier result when a row limit is a parameter.
     */
    public String sql() {
        return " OFFSET " + offset() + " ROWS FETCH NEXT " + size + " ROWS ONLY";
    }
}
