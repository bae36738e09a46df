package org.factdesk.audit;

import java.util.Arrays;
import java.util.Locale;

import org.factdesk.shared.ProblemException;

/** The file formats the audit log exports to, with their media type and file extension. */
enum ExportFormat {

    CSV("text/csv;charset=UTF-8", "csv"),
    JSON("application/json", "json");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static ExportFormat parse(String name) {
        if (name == null || name.isBlank()) {
            return CSV;
        }
        return Arrays.stream(values()).filter(f -> f.extension.equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-format", "Unknown export format '" + name
                        + "'; use 'csv' or 'json'."));
    }
}
