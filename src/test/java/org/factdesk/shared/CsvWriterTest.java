package org.factdesk.shared;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTest {

    @Test
    void quotesWhatRfc4180QuotesAndKeepsEmptyApartFromMissing() {
        assertThat(row(CsvWriter.Mode.SPREADSHEET_SAFE, "plain", "a, \"b\"", "", null, "two\nlines"))
                .isEqualTo("plain,\"a, \"\"b\"\"\",\"\",,\"two\nlines\"\r\n");
    }

    @Test
    void defusesFormulasOnlyInSpreadsheetSafeMode() {
        assertThat(row(CsvWriter.Mode.SPREADSHEET_SAFE, "=HYPERLINK(\"x\")", "+1", "-2", "@SUM", "'quoted"))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM,''quoted\r\n");
        assertThat(row(CsvWriter.Mode.EXACT, "=1+1", "-2")).isEqualTo("=1+1,-2\r\n");
    }

    private static String row(CsvWriter.Mode mode, String... cells) {
        StringWriter out = new StringWriter();
        new CsvWriter(out, mode).row(cells);
        return out.toString();
    }
}
