package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.shared.SqlTime;
import org.factdesk.shared.CsvWriter;
import org.junit.jupiter.api.Test;

/**
 * The CSV export defuses spreadsheet formulas — a cell beginning with =, +, -, @, tab or CR (and, so that the escaping
 * can be undone, ') gets a leading ' — while the JSON export carries every value exactly as it was hashed.
 */
class CsvEscapingTest {

    @Test
    void aCellThatASpreadsheetWouldRunGetsALeadingApostrophe() throws Exception {
        assertThat(row("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n");
        assertThat(row("+1")).isEqualTo("'+1\r\n");
        assertThat(row("-2+3")).isEqualTo("'-2+3\r\n");
        assertThat(row("@SUM(A1)")).isEqualTo("'@SUM(A1)\r\n");
        assertThat(row("\tTab")).isEqualTo("'\tTab\r\n");
        assertThat(row("\rCR")).isEqualTo("\"'\rCR\"\r\n");
        assertThat(row("'quoted")).as("a leading ' is escaped too, so one ' can always be dropped")
                .isEqualTo("''quoted\r\n");
    }

    @Test
    void ordinaryCellsAreWrittenAsBefore() throws Exception {
        assertThat(row("Erbil vase")).isEqualTo("Erbil vase\r\n");
        assertThat(row("a = b, c")).isEqualTo("\"a = b, c\"\r\n");
        assertThat(row("")).isEqualTo("\"\"\r\n");
        assertThat(row((String) null)).isEqualTo("\r\n");
        assertThat(row("2026-11-24T10:00:00Z")).isEqualTo("2026-11-24T10:00:00Z\r\n");
    }

    @Test
    void theExportsDefuseCsvAndKeepJsonExact() throws Exception {
        String formula = "=cmd|' /C calc'!A0";
        try (PrivateAuditLog log = PrivateAuditLog.inMemory()) {
            log.jdbc.update("INSERT INTO audit_entry (seq, at, actor, action, claim_id, article_id, revision, "
                    + "before_text, after_text, detail, prev_hash, hash) VALUES (1, ?, 'fiona', 'FLAGGED', 1, 7, 1, "
                    + "?, NULL, ?, 'p', 'h')", SqlTime.of(Instant.parse("2026-11-24T10:00:00Z")), "-5 degrees",
                    formula);
            AuditExports exports = new AuditExports(log.repository,
                    Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));

            String csv = export(exports, "csv");
            JsonNode json = new ObjectMapper().readTree(export(exports, "json"));

            assertThat(csv).contains(",'-5 degrees,,'" + formula + ",");
            assertThat(json.get(0).get("detail").asText()).isEqualTo(formula);
            assertThat(json.get(0).get("before").asText()).isEqualTo("-5 degrees");
        }
    }

    private static String export(AuditExports exports, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(exports.prepare(new AuditQuery(7L, null, null, null, null), format), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String row(String... cells) throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out, CsvWriter.Mode.SPREADSHEET_SAFE).row(cells);
        return out.toString();
    }
}
