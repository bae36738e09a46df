package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.factdesk.TestApi;
import org.factdesk.TestApi.Answer;

/**
 * Takes a claim through review with the API, four-eyes respected: farid flags, fiona verifies, edith approves, and
 * the asynchronous publish is awaited.
 */
public final class ReviewFlow {

    private static final Duration PUBLISHING = Duration.ofSeconds(30);

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
        work("fiona", claim, form);
        work("edith", claim, Map.of("decision", "APPROVE", "comment", "Good catch."));
        await().atMost(PUBLISHING).until(() -> "PUBLISHED".equals(api.claim(claim).get("state").asText()));
    }

    private void work(String user, long claim, Map<String, Object> form) {
        String task = api.taskOf(user, claim);
        assertThat(task).as("open task of claim " + claim + " for " + user).isNotNull();
        Answer claimed = api.post(user, "/api/tasks/" + task + "/claim", null);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        Answer completed = api.post(user, "/api/tasks/" + task + "/complete", form);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    }
}
