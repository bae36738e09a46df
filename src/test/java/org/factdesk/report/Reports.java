package org.factdesk.report;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.factdesk.testing.TestApi;

/** Small fixtures for reader report tests: a fresh client address each, and the triage task of a report. */
public final class Reports {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Reports() {
    }

    /** A client address no other report in this JVM came from (from TEST-NET-3), so no test meets another's limit. */
    public static String freshAddress() {
        int n = NEXT.incrementAndGet();
        return "203.0." + (113 + n / 250 % 100) + "." + (n % 250 + 1);
    }

    /** The open Triage report task of a report in {@code user}'s queue, or null. */
    public static JsonNode triageTask(TestApi api, String user, long articleId, long reportId) {
        for (JsonNode task : api.queue(user, "article=" + articleId + "&step=Task_TriageReport")) {
            if (task.path("reportId").asLong() == reportId) {
                return task;
            }
        }
        return null;
    }

    /** Claims the report's triage as {@code user} and completes it with this form; returns the answer. */
    public static TestApi.Answer triage(TestApi api, String user, long articleId, long reportId,
            Map<String, Object> form) {
        JsonNode task = triageTask(api, user, articleId, reportId);
        if (task == null) {
            throw new AssertionError("no triage task of report " + reportId + " for " + user);
        }
        String id = task.get("id").asText();
        TestApi.Answer claimed = api.post(user, "/api/tasks/" + id + "/claim", null);
        if (claimed.status() != 200) {
            throw new AssertionError("claim failed: " + claimed);
        }
        return api.post(user, "/api/tasks/" + id + "/complete", form);
    }
}
