package org.factdesk.testing;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in through FactDesk's sign-in form, as a browser keeps them: a session cookie, the page's CSRF
 * token, and the XSRF token Camunda's webapps hand out, so calls reach Tasklist's engine API exactly as Tasklist's
 * own pages make them.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs {@code user} in with the demo password; Tasklist is opened on the first call to Camunda's webapp API. */
    public static WebSession signIn(int port, String user) {
        WebSession session = new WebSession(port);
        String login = session.send("GET", "/login", null, null, null).body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the sign-in page");
        }
        String form = "username=" + encode(user) + "&password=" + encode(TestApi.PASSWORD) + "&_csrf="
                + encode(token.group(1));
        TestApi.Answer signedIn = session.send("POST", "/login", form, "application/x-www-form-urlencoded", null);
        if (signedIn.status() != 302) {
            throw new AssertionError("sign-in failed: " + signedIn);
        }
        return session;
    }

    /** Calls Camunda's webapp API (Tasklist's engine API under {@code /camunda/api/engine/engine/default}). */
    public TestApi.Answer camunda(String method, String path, String json) {
        if (!hasXsrfToken()) {
            // Tasklist hands out Camunda's XSRF token when it opens.
            TestApi.Answer tasklist = send("GET", "/camunda/app/tasklist/default/", null, null, null);
            if (tasklist.status() != 200) {
                throw new AssertionError("Tasklist does not open: " + tasklist);
            }
        }
        return send(method, "/camunda/api/engine/engine/default" + path, json, json == null ? null : "application/json",
                xsrfToken());
    }

    public TestApi.Answer send(String method, String path, String body, String contentType, String xsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestApi.Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    private boolean hasXsrfToken() {
        return cookies.getCookieStore().getCookies().stream().anyMatch(c -> "XSRF-TOKEN".equals(c.getName()));
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("Camunda handed out no XSRF token"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
