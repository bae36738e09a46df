package org.factdesk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One HTTP client with a loopback address of its own (127.10.0.1, 127.10.0.2, ...), so a test can be many clients:
 * Java 17's HttpClient cannot choose the address it connects from, a socket can. Speaks HTTP/1.0, one request per
 * connection, which is all a test needs.
 */
public final class LoopbackClient {

    /** Shared by every test in the JVM, so no two clients ever have the same address. */
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InetAddress SERVER = loopback(new byte[] {127, 0, 0, 1});

    private final InetAddress address;
    private final int port;

    private LoopbackClient(InetAddress address, int port) {
        this.address = address;
        this.port = port;
    }

    /** A client from an address no other test uses. */
    public static LoopbackClient fresh(int port) {
        int n = NEXT.getAndIncrement();
        int network = n / 254;
        byte[] bytes = {127, (byte) (10 + network / 256), (byte) (network % 256), (byte) (n % 254 + 1)};
        return new LoopbackClient(loopback(bytes), port);
    }

    private static InetAddress loopback(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return address.getHostAddress();
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Reply get(String path, String user, String password) {
        return send("GET", path, Map.of("Authorization", basic(user, password)), null);
    }

    /** Sends one request and reads the whole answer; the server closes the connection after an HTTP/1.0 request. */
    public Reply send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\n")
                .append("Host: localhost:").append(port).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress(SERVER, port), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return Reply.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " from " + address() + " failed", e);
        }
    }

    /** One answer: status, headers by lower-case name, body. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        static Reply parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("no HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        public String header(String name) {
            return first(headers, name.toLowerCase(Locale.ROOT));
        }

        public boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOfCrLf(chunked, at);
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    return out.toByteArray();
                }
                out.write(chunked, lineEnd + 2, length);
                at = lineEnd + 2 + length + 2;
            }
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i < bytes.length - 1; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new AssertionError("chunk without its line end");
        }
    }
}
