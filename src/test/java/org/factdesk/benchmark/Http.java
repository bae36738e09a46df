package org.factdesk.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** FactDesk over real HTTP as a demo user (password {@code demo}, HTTP Basic on every request, as the API is used). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** One answer: status and body (null when only its size was kept). */
    record Answer(int status, String body, long bytes, long nanos, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    boolean healthy() {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Answer get(String user, String path) {
        return send(user, "GET", path, null, null, Bench.REQUEST_TIMEOUT_SECONDS, true);
    }

    /** A GET that may take long (the whole audit chain recomputed), keeping its body. */
    Answer get(String user, String path, int timeoutSeconds) {
        return send(user, "GET", path, null, null, timeoutSeconds, true);
    }

    Answer postJson(String user, String path, Object json) {
        try {
            return send(user, "POST", path, json == null ? null : JSON.writeValueAsString(json), "application/json",
                    Bench.REQUEST_TIMEOUT_SECONDS, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer postText(String user, String path, String text) {
        return send(user, "POST", path, text, "text/plain", Bench.REQUEST_TIMEOUT_SECONDS, true);
    }

    /** Reads a possibly huge answer, counting its bytes without keeping them; null when it timed out. */
    Answer measure(String user, String path, int timeoutSeconds) {
        try {
            return send(user, "GET", path, null, null, timeoutSeconds, false);
        } catch (TimedOut e) {
            return null;
        }
    }

    static final class TimedOut extends RuntimeException {
        TimedOut(String what) {
            super(what);
        }
    }

    private Answer send(String user, String method, String path, String body, String contentType,
            int timeoutSeconds, boolean keepBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        long t0 = System.nanoTime();
        try {
            if (keepBody) {
                HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.body(), r.body().length(), System.nanoTime() - t0, r.headers());
            }
            HttpResponse<InputStream> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            long n = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = r.body()) {
                for (int read; (read = in.read(buffer)) > 0; ) {
                    n += read;
                }
            }
            return new Answer(r.statusCode(), null, n, System.nanoTime() - t0, r.headers());
        } catch (HttpTimeoutException e) {
            throw new TimedOut(method + " " + path + " took over " + timeoutSeconds + " s");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("timed out")) {
                throw new TimedOut(method + " " + path + " took over " + timeoutSeconds + " s");
            }
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
