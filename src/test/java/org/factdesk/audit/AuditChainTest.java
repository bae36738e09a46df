package org.factdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The canonical encoding is the one AuditChain's Javadoc documents, byte for byte, and the hash is plain SHA-256. */
class AuditChainTest {

    private static final AuditContent IMPORTED = new AuditContent(Instant.parse("2026-11-25T10:12:03.123456Z"),
            "edith", "IMPORTED", null, 42L, 1, null, null, "Imported from seeds/x.txt");

    @Test
    void encodesTheDocumentedExample() {
        assertThat(new String(AuditChain.canonical(1, IMPORTED), StandardCharsets.UTF_8)).isEqualTo(
                "17:factdesk-audit-v1,1:1,27:2026-11-25T10:12:03.123456Z,5:edith,8:IMPORTED,~2:42,1:1,~~"
                        + "25:Imported from seeds/x.txt,");
    }

    @Test
    void hashesThePreviousHashThenTheContent() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(AuditChain.GENESIS.getBytes(StandardCharsets.US_ASCII));
        sha256.update(AuditChain.canonical(1, IMPORTED));

        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, IMPORTED))
                .isEqualTo(HexFormat.of().formatHex(sha256.digest())).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void countsBytesNotCharactersAndKeepsMissingApartFromEmpty() {
        AuditContent accented = new AuditContent(IMPORTED.at(), "zoë", "FLAGGED", 1L, 2L, 3, "", null, "a,b:c~");
        String encoded = new String(AuditChain.canonical(12, accented), StandardCharsets.UTF_8);

        assertThat(encoded).contains("4:zoë,", "0:,~6:a,b:c~,", "2:12,");
        assertThat(AuditChain.hash(AuditChain.GENESIS, 12, accented)).isNotEqualTo(AuditChain.hash(AuditChain.GENESIS,
                12, new AuditContent(IMPORTED.at(), "zoë", "FLAGGED", 1L, 2L, 3, null, "", "a,b:c~")));
    }

    @Test
    void bindsEachEntryToItsPositionAndPredecessor() {
        String first = AuditChain.hash(AuditChain.GENESIS, 1, IMPORTED);

        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, IMPORTED)).isNotEqualTo(first);
        assertThat(AuditChain.hash(first, 1, IMPORTED)).isNotEqualTo(first);
    }

    @Test
    void storesTimesAtTheDatabasesMicrosecondPrecision() {
        AuditContent nanos = new AuditContent(Instant.parse("2026-11-25T10:12:03.123456789Z"), "edith", "IMPORTED",
                null, 42L, 1, null, null, "Imported from seeds/x.txt");

        assertThat(nanos.asStored()).isEqualTo(IMPORTED);
    }
}
