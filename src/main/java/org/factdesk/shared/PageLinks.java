package org.factdesk.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The headers a paged list answers with: {@code X-Total-Count}, and an RFC 8288 {@code Link} to the first, previous,
 * next and last pages, each the request's own URL with another {@code page}.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** The headers for page {@code page} (0 is the first) of {@code lastPage + 1}, holding {@code total} in all. */
    public static HttpHeaders of(int page, int lastPage, long total) {
        List<String> links = new ArrayList<>();
        links.add(link(0, "first"));
        if (page > 0) {
            links.add(link(page - 1, "prev"));
        }
        if (page < lastPage) {
            links.add(link(page + 1, "next"));
        }
        links.add(link(lastPage, "last"));
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Total-Count", Long.toString(total));
        headers.set(HttpHeaders.LINK, String.join(", ", links));
        return headers;
    }

    private static String link(int page, String rel) {
        return "<" + ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build()
                .toUriString() + ">; rel=\"" + rel + "\"";
    }
}
