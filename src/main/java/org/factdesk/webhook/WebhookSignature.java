package org.factdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, so the CMS can tell it came from FactDesk and was not replayed: the lowercase hex
 * HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}, where the timestamp
 * is the attempt's Unix time in seconds (header {@code FactDesk-Timestamp}) and the body the exact bytes posted.
 * Sent as {@code FactDesk-Signature: v1=<hex>}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "FactDesk-Signature";
    public static final String TIMESTAMP_HEADER = "FactDesk-Timestamp";
    public static final String DELIVERY_HEADER = "FactDesk-Delivery";
    public static final String EVENT_HEADER = "FactDesk-Event";
    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** The header value for this body sent at this time: {@code v1=<hex>}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        return VERSION + "=" + HexFormat.of().formatHex(hmac(secret, timestamp, body));
    }

    /** Whether {@code header} is the signature of this body at this time; compared in constant time. */
    public static boolean verify(String secret, long timestamp, byte[] body, String header) {
        if (header == null || !header.startsWith(VERSION + "=")) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
