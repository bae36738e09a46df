package org.factdesk.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash chain that makes the audit log tamper-evident: each entry's hash covers the previous entry's hash and the
 * entry's canonical content, so changing, inserting, removing or reordering any entry breaks every link after it.
 *
 * <h2>Canonical content (version 1)</h2>
 * The content of entry number {@code seq} (1, 2, 3, ... in the order it was appended) is the concatenation of
 * eleven fields, each encoded on its own:
 * <pre>
 *   "factdesk-audit-v1", seq, at, actor, action, claimId, articleId, revision, before, after, detail
 * </pre>
 * <ul>
 *   <li>a missing value (SQL {@code NULL}) is the single character {@code ~};</li>
 *   <li>any other value is its UTF-8 bytes as a netstring: the number of bytes in decimal, {@code :}, the bytes,
 *       {@code ,} — so no value can run into the next, and an empty string ({@code 0:,}) differs from a missing one;</li>
 *   <li>numbers ({@code seq}, {@code claimId}, {@code articleId}, {@code revision}) are written in decimal without
 *       sign or leading zeros;</li>
 *   <li>{@code at} is UTC with exactly six fraction digits, {@code 2026-11-25T10:12:03.123456Z} (the database keeps
 *       microseconds; entries are stored at that precision before they are hashed);</li>
 *   <li>text is hashed exactly as stored: no trimming, no Unicode normalisation, line breaks as they are.</li>
 * </ul>
 * For example: {@code 17:factdesk-audit-v1,1:1,27:2026-11-25T10:12:03.123456Z,5:edith,8:IMPORTED,~2:42,1:1,~~25:Imported from
 * seeds/x.txt,}
 *
 * <h2>Hash</h2>
 * {@code hash(n) = lowercase hex of SHA-256( ASCII(hash(n-1)) || canonical(n) )}, where {@code hash(0)} is
 * {@link #GENESIS}, 64 zeros. Anyone can recompute the chain from an export with a few lines of code in any language.
 * Because the hash needs no secret, someone with write access to the database could recompute a forged chain; keep the
 * exported head ({@code GET /api/audit/head}) somewhere they cannot reach and verify against it.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Names this encoding; a future change of encoding would be a new version, verified by its own rules. */
    static final String FORMAT = "factdesk-audit-v1";

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The hash of entry number {@code seq} with this content, linked to the entry before it. */
    static String hash(String previousHash, long seq, AuditContent content) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(seq, content));
        return HEX.formatHex(sha256.digest());
    }

    /** A time as the canonical content writes it, which is also how exports write it. */
    static String formatAt(Instant at) {
        return AT.format(at);
    }

    /** The canonical bytes of entry number {@code seq}, as described above. */
    static byte[] canonical(long seq, AuditContent content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(seq));
        field(out, content.at() == null ? null : AT.format(content.at()));
        field(out, content.actor());
        field(out, content.action());
        field(out, content.claimId() == null ? null : content.claimId().toString());
        field(out, content.articleId() == null ? null : content.articleId().toString());
        field(out, content.revision() == null ? null : content.revision().toString());
        field(out, content.before());
        field(out, content.after());
        field(out, content.detail());
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        out.write(':');
        out.writeBytes(bytes);
        out.write(',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
