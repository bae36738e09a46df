package org.factdesk.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 CSV row by row to a stream: CRLF line ends; a field with a comma, quote, CR or LF is quoted and its
 * quotes doubled. An empty text is {@code ""} and a missing value (null) is nothing at all, so the two stay apart.
 * <p>
 * In {@link Mode#SPREADSHEET_SAFE} mode, which every export people open uses, a cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR would run as a formula in a spreadsheet (OWASP "CSV injection"); FactDesk
 * writes anyone's text (a quote, a note, an article), so such a cell gets a leading {@code '} and shows as text. A
 * cell that already begins with {@code '} gets one too, so the escaping can be undone exactly: drop one leading
 * {@code '} from every cell that has one.
 */
public final class CsvWriter {

    /** Whether cells are defused for spreadsheets or written exactly. */
    public enum Mode { SPREADSHEET_SAFE, EXACT }

    private static final String FORMULA_STARTS = "=+-@\t\r'";

    private final Writer out;
    private final Mode mode;

    public CsvWriter(Writer out, Mode mode) {
        this.out = out;
        this.mode = mode;
    }

    /** Writes one row; an I/O failure (the client went away) is unchecked, to cross row callbacks. */
    public void row(String... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                field(fields[i]);
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("a CSV row could not be written", e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the CSV could not be written", e);
        }
    }

    /** The value as a spreadsheet shows it as text: a leading formula character (or {@code '}) gets a {@code '}. */
    public static String defused(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        String text = mode == Mode.SPREADSHEET_SAFE ? defused(value) : value;
        boolean quote = text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
