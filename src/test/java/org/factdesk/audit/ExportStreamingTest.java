package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.factdesk.shared.SqlTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 20,000-entry export leaves the database cursor in small pieces while it is being read: the writer never holds
 * more than its buffer, so memory does not grow with the log (a million entries behave like twenty thousand).
 */
class ExportStreamingTest {

    private static final int ENTRIES = 20_000;
    /** The writers' buffers are 8 KiB; a piece larger than this would mean rows were collected before writing. */
    private static final int LARGEST_PIECE = 16 * 1024;

    private static PrivateAuditLog log;
    private static AuditExports exports;

    @BeforeAll
    static void insertTwentyThousandEntries() {
        log = PrivateAuditLog.inMemory();
        log.jdbc.batchUpdate("INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, revision, "
                        + "before_text, after_text, detail, prev_hash, hash) VALUES (?, ?, 'fiona', 'VERDICT', ?, 99, 1, "
                        + "'The Erbil vase, \"quoted\"', NULL, ?, 'p', 'h')",
                IntStream.rangeClosed(1, ENTRIES).mapToObj(i -> new Object[] {i,
                        SqlTime.of(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i)), i,
                        "entry " + i}).toList());
        exports = new AuditExports(log.repository, Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void close() {
        log.close();
    }

    @Test
    void csvIsWrittenRowByRowInSmallPieces() {
        Pieces out = new Pieces();
        exports.write(exports.prepare(new AuditQuery(99L, null, null, null, null), "csv"), out);

        assertThat(out.lines).isEqualTo(ENTRIES + 1);
        assertThat(out.largest).isLessThanOrEqualTo(LARGEST_PIECE);
        assertThat(out.pieces).isGreaterThan(100);
    }

    @Test
    void jsonIsOneArrayWrittenIncrementally() throws Exception {
        Pieces out = new Pieces();
        exports.write(exports.prepare(new AuditQuery(99L, null, null, null, null), "json"), out);

        assertThat(out.largest).isLessThanOrEqualTo(LARGEST_PIECE);
        assertThat(out.pieces).isGreaterThan(100);
        assertThat(out.objects()).isEqualTo(ENTRIES);
    }

    @Test
    void namesTheFileAfterWhatItHolds() {
        AuditExports.ExportFile file = exports.prepare(new AuditQuery(99L, null, null, null, null), "JSON");

        assertThat(file.filename()).isEqualTo("factdesk-audit-article-99-20261125T000000Z.json");
        assertThat(file.mediaType()).isEqualTo("application/json");
        assertThat(exports.prepare(new AuditQuery(null, null, null, null, null), null).filename())
                .isEqualTo("factdesk-audit-20261125T000000Z.csv");
    }

    /** Counts the pieces that arrive and their size, and keeps the bytes to check what they add up to. */
    private static final class Pieces extends OutputStream {

        int pieces;
        int largest;
        int lines;
        private final ByteArrayOutputStream json = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pieces++;
            largest = Math.max(largest, length);
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    lines++;
                }
            }
            json.write(bytes, offset, length);
        }

        long objects() throws Exception {
            long count = 0;
            try (JsonParser parser = new JsonFactory().createParser(json.toByteArray())) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    count++;
                }
            }
            return count;
        }
    }
}
