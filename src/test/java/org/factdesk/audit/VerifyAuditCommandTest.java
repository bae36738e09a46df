package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-audit} on a data directory, with nothing but JDBC: JSON on standard output, exit 0 for an intact
 * log, 1 for a broken one, 2 when there is nothing to verify.
 */
class VerifyAuditCommandTest {

    @TempDir
    Path dataDir;

    private String exportedHead;

    @BeforeEach
    void writeALogAndCloseTheDatabase() {
        PrivateAuditLog log = PrivateAuditLog.file(dataDir).migrate(null);
        log.append(6);
        exportedHead = log.head().hash();
        // The last connection is closed: H2 closes the file, as when FactDesk stops.
    }

    @Test
    void anIntactLogExitsZero() throws Exception {
        Run run = run("--data-dir", dataDir.toString(), "--head", exportedHead, "--entries", "6");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("valid").asBoolean()).isTrue();
        assertThat(run.json().get("entries").asLong()).isEqualTo(6);
        assertThat(run.json().get("firstBrokenAt").isNull()).isTrue();
        assertThat(run.json().get("reason").isNull()).isTrue();
        assertThat(run.json().get("head").asText()).isEqualTo(exportedHead);
    }

    @Test
    void takesTheDataDirectoryFromTheEnvironment() throws Exception {
        Run run = run(Map.of("FACTDESK_DATA_DIR", dataDir.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("entries").asLong()).isEqualTo(6);
    }

    @Test
    void anAlteredLogExitsOneAndNamesTheEntry() throws Exception {
        PrivateAuditLog log = PrivateAuditLog.file(dataDir);
        log.dropTriggers();
        log.jdbc.update("UPDATE audit_entry SET actor = 'nobody' WHERE seq = 2");

        Run run = run("--data-dir", dataDir.toString());

        assertThat(run.exitCode()).isEqualTo(VerifyAuditCommand.BROKEN);
        assertThat(run.json().get("valid").asBoolean()).isFalse();
        assertThat(run.json().get("firstBrokenAt").asLong()).isEqualTo(2);
        assertThat(run.json().get("reason").asText()).contains("altered");
    }

    @Test
    void aTruncatedLogFailsAgainstTheExportedHead() throws Exception {
        PrivateAuditLog log = PrivateAuditLog.file(dataDir);
        log.dropTriggers();
        log.jdbc.update("DELETE FROM audit_entry WHERE seq = 6");
        log.jdbc.update("UPDATE audit_chain_head SET seq = 5, hash = ?", log.hashAt(5));

        assertThat(run("--data-dir", dataDir.toString()).exitCode()).isEqualTo(VerifyAuditCommand.VALID);
        Run run = run("--data-dir", dataDir.toString(), "--head", exportedHead);

        assertThat(run.exitCode()).isEqualTo(VerifyAuditCommand.BROKEN);
        assertThat(run.json().get("firstBrokenAt").asLong()).isEqualTo(6);
    }

    @Test
    void aDirectoryWithoutADatabaseExitsTwoAndCreatesNothing(@TempDir Path empty) throws Exception {
        Run run = run("--data-dir", empty.toString());

        assertThat(run.exitCode()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.err()).contains("No FactDesk database");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void aMalformedHeadExitsTwo() throws Exception {
        Run run = run("--data-dir", dataDir.toString(), "--head", "not-a-hash");

        assertThat(run.exitCode()).isEqualTo(VerifyAuditCommand.FAILED);
        assertThat(run.err()).contains("--head", "Usage");
    }

    private record Run(int exitCode, String out, String err) {

        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private static Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
