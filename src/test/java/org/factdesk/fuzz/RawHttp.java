package org.factdesk.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: {@code java.net.http} refuses or re-encodes the addresses
 * these tests need ({@code %00}, raw control characters, a bare {@code %}), Tomcat does not get the chance to.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** One answer: status, headers (lower-case names) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code method target} with these extra header lines (each without CRLF) and body bytes. */
    static Answer send(int port, String method, String target, String headers, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\n").append("Connection: close\r\n");
            if (headers != null && !headers.isEmpty()) {
                head.append(headers.endsWith("\r\n") ? headers : headers + "\r\n");
            }
            boolean chunked = headers != null && headers.toLowerCase(Locale.ROOT).contains("transfer-encoding:");
            if (body != null && !chunked) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new AssertionError(method + " " + target + " failed", e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] raw = all.toByteArray();
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new AssertionError("no complete HTTP answer: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < chunked.length) {
            int line = indexOf(chunked, crlf, at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, line - at, StandardCharsets.US_ASCII).split(";")[0]
                    .trim(), 16);
            if (size == 0) {
                break;
            }
            int start = line + 2;
            int stop = Math.min(chunked.length, start + size);
            body.write(chunked, start, stop - start);
            at = stop + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
