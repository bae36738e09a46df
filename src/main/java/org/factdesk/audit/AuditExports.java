package org.factdesk.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the audit log, or the part a filter selects, as CSV or JSON, streamed row by row from a database cursor
 * to the caller's output: memory stays constant however many entries there are. Entries come in chain order with
 * their hashes and {@code at} in the canonical form, so an export can be re-verified outside FactDesk.
 */
@Service
public class AuditExports {

    static final String[] COLUMNS = {"seq", "id", "at", "actor", "action", "claimId", "articleId", "revision",
            "before", "after", "detail", "previousHash", "hash"};

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();

    private final AuditRepository entries;
    private final Clock clock;

    AuditExports(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** What a download will contain and be called; refused before any byte is sent if the caller may not export. */
    @PreAuthorize("hasAnyRole('EDITORS', 'AUDITORS', 'ADMINS')")
    public ExportFile prepare(AuditQuery query, String format) {
        ExportFormat chosen = ExportFormat.parse(format);
        String name = "factdesk-audit" + (query.articleId() == null ? "" : "-article-" + query.articleId())
                + "-" + STAMP.format(clock.instant()) + "." + chosen.extension();
        return new ExportFile(query, chosen, name);
    }

    /**
     * Writes the export to {@code out}. Read-only transaction: PostgreSQL only streams through a cursor outside
     * auto-commit. Each row is written as it is read and then dropped; the writers keep one small buffer.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EDITORS', 'AUDITORS', 'ADMINS')")
    public void write(ExportFile file, OutputStream out) {
        try {
            switch (file.format()) {
                case CSV -> writeCsv(file.query(), out);
                case JSON -> writeJson(file.query(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the export could not be written (did the client go away?)", e);
        }
    }

    private void writeCsv(AuditQuery query, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Csv.row(csv, COLUMNS);
        entries.stream(query, rs -> {
            AuditEntry e = AuditRows.entry(rs);
            try {
                Csv.row(csv, Long.toString(e.seq()), Long.toString(e.id()), AuditChain.formatAt(e.at()), e.actor(),
                        e.action(), text(e.claimId()), text(e.articleId()), text(e.revision()), e.before(), e.after(),
                        e.detail(), e.previousHash(), e.hash());
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        csv.flush();
    }

    private void writeJson(AuditQuery query, OutputStream out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8);
        // The servlet container owns the response stream.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
        entries.stream(query, rs -> {
            AuditEntry e = AuditRows.entry(rs);
            try {
                json.writeStartObject();
                json.writeNumberField("seq", e.seq());
                json.writeNumberField("id", e.id());
                json.writeStringField("at", AuditChain.formatAt(e.at()));
                json.writeStringField("actor", e.actor());
                json.writeStringField("action", e.action());
                numberField(json, "claimId", e.claimId());
                numberField(json, "articleId", e.articleId());
                numberField(json, "revision", e.revision() == null ? null : e.revision().longValue());
                json.writeStringField("before", e.before());
                json.writeStringField("after", e.after());
                json.writeStringField("detail", e.detail());
                json.writeStringField("previousHash", e.previousHash());
                json.writeStringField("hash", e.hash());
                json.writeEndObject();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        json.writeEndArray();
        json.flush();
    }

    private static void numberField(JsonGenerator json, String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** An export about to be written: what it selects, its format and its download name. */
    record ExportFile(AuditQuery query, ExportFormat format, String filename) {

        String mediaType() {
            return format.mediaType();
        }
    }

    /**
     * RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its quotes doubled. An empty
     * text is {@code ""} and a missing value is nothing at all, so the two stay apart.
     * <p>
     * A CSV export is opened in spreadsheets, which run a cell that begins with {@code =}, {@code +}, {@code -},
     * {@code @}, tab or CR as a formula (OWASP "CSV injection"); the text in the log is anyone's (a quote, a note, an
     * article), so such a cell gets a leading {@code '} and shows as text. A cell that already begins with {@code '}
     * gets one too, so the escaping can be undone exactly: drop one leading {@code '} from every cell that has one.
     * The JSON export is not escaped: no spreadsheet runs it, and it carries every value exactly as it was hashed,
     * which is what re-verifying the chain outside FactDesk needs.
     */
    static final class Csv {

        private static final String FORMULA_STARTS = "=+-@\t\r'";

        private Csv() {
        }

        static void row(Writer out, String... fields) throws IOException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                field(out, fields[i]);
            }
            out.write("\r\n");
        }

        private static void field(Writer out, String value) throws IOException {
            if (value == null) {
                return;
            }
            value = defused(value);
            boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r'
                    || c == '\n');
            if (!quote) {
                out.write(value);
                return;
            }
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        }

        /** The value as a spreadsheet shows it as text: a leading formula character (or {@code '}) gets a {@code '}. */
        static String defused(String value) {
            return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        }
    }
}
