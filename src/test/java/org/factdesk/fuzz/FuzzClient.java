package org.factdesk.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fuzz tests send with: JSON written escape by escape (so a lone surrogate travels as a JSON escape, which no
 * JSON library would write), form bodies with chosen percent-escapes, and signed-in page sessions (cookie and CSRF
 * token, as a browser has them).
 */
final class FuzzClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private FuzzClient() {
    }

    /** A signed-in browser: its session cookie and a CSRF token the server rendered for it. */
    record Session(String user, String cookie, String csrf) {

        String headers() {
            return "Cookie: JSESSIONID=" + cookie + "\r\nAccept: text/html,application/xhtml+xml";
        }
    }

    /** Signs {@code user} in through the sign-in form and reads a CSRF token from {@code page}. */
    static Session signIn(int port, String user, String page) {
        RawHttp.Answer form = RawHttp.send(port, "GET", "/login", "Accept: text/html", null);
        String cookie = cookie(form);
        String token = csrf(form);
        RawHttp.Answer signedIn = RawHttp.send(port, "POST", "/login", "Cookie: JSESSIONID=" + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nAccept: text/html",
                ("username=" + user + "&password=demo&_csrf=" + encode(token)).getBytes(StandardCharsets.US_ASCII));
        if (signedIn.status() != 302 || signedIn.headers().getOrDefault("location", "").contains("error")) {
            throw new AssertionError("sign-in of " + user + " failed: " + signedIn + " " + signedIn.headers());
        }
        String session = signedIn.headers().containsKey("set-cookie") ? cookie(signedIn) : cookie;
        RawHttp.Answer opened = RawHttp.send(port, "GET", page, "Cookie: JSESSIONID=" + session
                + "\r\nAccept: text/html", null);
        if (opened.status() != 200) {
            throw new AssertionError(user + " cannot open " + page + ": " + opened);
        }
        return new Session(user, session, csrf(opened));
    }

    /** A browser that opened the sign-in form and has not signed in: its session and the form's CSRF token. */
    static Session visitor(int port) {
        RawHttp.Answer form = RawHttp.send(port, "GET", "/login", "Accept: text/html", null);
        return new Session(null, cookie(form), csrf(form));
    }

    private static String cookie(RawHttp.Answer answer) {
        Matcher matcher = SESSION.matcher(answer.headers().getOrDefault("set-cookie", ""));
        if (!matcher.find()) {
            throw new AssertionError("no session cookie: " + answer.headers());
        }
        return matcher.group(1);
    }

    private static String csrf(RawHttp.Answer answer) {
        Matcher matcher = CSRF.matcher(answer.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on the page: " + answer);
        }
        return matcher.group(1).replace("&#45;", "-").replace("&#x2d;", "-");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A form body; each value is sent as given, so it must already be percent-encoded ({@link #encode}) or carry the
     * raw escapes a case wants ({@code %00}, {@code %ED%A0%80}).
     */
    static byte[] form(Map<String, String> encoded) {
        StringJoiner body = new StringJoiner("&");
        encoded.forEach((name, value) -> body.add(name + "=" + value));
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON string literal with every character outside printable ASCII written as a {@code \\uXXXX} escape. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A JSON object from field names and JSON literals (already written: strings with {@link #json}). */
    static String object(Map<String, String> literals) {
        StringJoiner object = new StringJoiner(",", "{", "}");
        literals.forEach((name, literal) -> object.add(json(name) + ":" + literal));
        return object.toString();
    }
}
