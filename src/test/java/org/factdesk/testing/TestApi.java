package org.factdesk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

/**
 * A small HTTP client for FactDesk's API as a person or integrator uses it: real HTTP, HTTP Basic as a demo user
 * (password {@code demo}), JSON in and out.
 */
public final class TestApi {

    public static final String PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public TestApi(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One HTTP answer: status, content type, body and headers. */
    public record Answer(int status, String contentType, String body, HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public <T> T as(TypeReference<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (Exception e) {
                throw new AssertionError("not " + type.getType() + " (" + status + "): " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public Answer get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    public Answer post(String user, String path, Object json) {
        return send(user, "POST", path, json == null ? null : write(json), "application/json");
    }

    public Answer postText(String user, String path, String text) {
        return send(user, "POST", path, text, "text/plain");
    }

    /** Sends a request; {@code user} null sends no credentials. */
    public Answer send(String user, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** Imports a fresh article (as edith) with this body, one paragraph a line, and returns its id. */
    public long importArticle(String... paragraphs) {
        String text = "Test desk\nTest article " + UUID.randomUUID() + "\n8 January 2020, 09:00\n"
                + String.join("\n", paragraphs);
        Answer answer = postText("edith", "/api/articles", text);
        if (answer.status() != 201) {
            throw new AssertionError("import failed: " + answer);
        }
        return answer.json().get("id").asLong();
    }

    /** Flags a claim and returns its id; fails the test unless the API answers 201. */
    public long flag(String user, long articleId, Map<String, Object> claim) {
        Answer answer = post(user, "/api/articles/" + articleId + "/claims", claim);
        if (answer.status() != 201) {
            throw new AssertionError("flag failed: " + answer);
        }
        return answer.json().get("id").asLong();
    }

    /** The id of the open task of this claim in the user's queue, or null. */
    public String taskOf(String user, long claimId) {
        List<Map<String, Object>> tasks = get(user, "/api/tasks?claim=" + claimId).as(new TypeReference<>() { });
        return tasks.stream().filter(t -> ((Number) t.get("claimId")).longValue() == claimId)
                .map(t -> (String) t.get("id")).findFirst().orElse(null);
    }

    /** The user's whole queue, read page by page as a client follows the pages; fails if the pages disagree. */
    public List<JsonNode> queue(String user, String filters) {
        List<JsonNode> all = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || all.size() < total; page++) {
            Answer answer = get(user, "/api/tasks?size=200&page=" + page + (filters.isEmpty() ? "" : "&" + filters));
            if (answer.status() != 200) {
                throw new AssertionError("queue page " + page + ": " + answer);
            }
            total = Long.parseLong(answer.header("X-Total-Count"));
            answer.json().forEach(all::add);
            if (answer.json().isEmpty()) {
                break;
            }
        }
        if (all.size() != total) {
            throw new AssertionError("the queue's pages held " + all.size() + " tasks, its total says " + total);
        }
        return all;
    }

    public JsonNode claim(long claimId) {
        return get("audrey", "/api/claims/" + claimId).json();
    }

    /** Claims the claim's open task in the user's queue and completes it with this form; fails unless both work. */
    public void work(String user, long claimId, Map<String, Object> form) {
        String task = taskOf(user, claimId);
        if (task == null) {
            throw new AssertionError("no open task of claim " + claimId + " for " + user);
        }
        Answer claimed = post(user, "/api/tasks/" + task + "/claim", null);
        if (claimed.status() != 200) {
            throw new AssertionError("claim failed: " + claimed);
        }
        Answer completed = post(user, "/api/tasks/" + task + "/complete", form);
        if (completed.status() != 204) {
            throw new AssertionError("complete failed: " + completed);
        }
    }

    /** Waits until the claim reaches this state: publishing runs as a background job. */
    public void awaitState(long claimId, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> state.equals(claim(claimId).get("state").asText()));
    }

    private static String write(Object json) {
        try {
            return json instanceof String s ? s : JSON.writeValueAsString(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
