package org.factdesk.audit;

import java.util.HashMap;
import java.util.Map;

import org.factdesk.testing.TestApi;

/**
 * Takes a claim through review with the API, four-eyes respected: farid flags, fiona verifies, edith approves, and
 * the asynchronous publish is awaited.
 */
public final class ReviewFlow {

    private final TestApi api;

    public ReviewFlow(TestApi api) {
        this.api = api;
    }

    public long flag(long article, String quote, String category, String replacement, String note) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("quote", quote);
        claim.put("category", category);
        claim.put("replacement", replacement);
        claim.put("note", note);
        return api.flag("farid", article, claim);
    }

    /** Verifies with {@code verdict} and its notice, approves, and waits until the update is live. */
    public void publish(long claim, String verdict, String notice) {
        Map<String, Object> form = new HashMap<>();
        form.put("verdict", verdict);
        form.put("notice", notice);
        form.put("note", "Checked against the agency copy.");
        api.work("fiona", claim, form);
        api.work("edith", claim, Map.of("decision", "APPROVE", "comment", "Good catch."));
        api.awaitState(claim, "PUBLISHED");
    }
}
