package org.factdesk.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.factdesk.identity.Roles;
import org.factdesk.shared.CsvWriter;
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
    @Roles.AuditReaders
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
    @Roles.AuditReaders
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

    private void writeCsv(AuditQuery query, OutputStream out) {
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                CsvWriter.Mode.SPREADSHEET_SAFE);
        csv.row(COLUMNS);
        entries.stream(query, rs -> {
            AuditEntry e = AuditRows.entry(rs);
            csv.row(Long.toString(e.seq()), Long.toString(e.id()), AuditChain.formatAt(e.at()), e.actor(),
                    e.action(), text(e.claimId()), text(e.articleId()), text(e.revision()), e.before(), e.after(),
                    e.detail(), e.previousHash(), e.hash());
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
}
