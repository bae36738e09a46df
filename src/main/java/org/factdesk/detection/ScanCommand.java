package org.factdesk.detection;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.article.SeedFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar factdesk.jar scan FILE...}: scans article files offline — no Spring context, no web server, no
 * process engine — and prints one JSON object per line per suggestion, positions as indices into the file's text.
 */
public final class ScanCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScanCommand() {
    }

    /** Scans the files and returns the exit code: 0 when every file was read and scanned, 1 otherwise, 2 for usage. */
    public static int run(String[] files) {
        quietLogging();
        // Standard output carries only JSON: a library printing there (commons-logging's discovery notice does)
        // writes to standard error instead.
        PrintStream json = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return scan(files, json);
    }

    static int scan(String[] files, PrintStream out) {
        if (files.length == 0) {
            System.err.println("usage: scan FILE...   (article files in the seed format)");
            return 2;
        }
        ArticleScanner scanner = ArticleScanner.shared();
        int code = 0;
        for (String file : files) {
            String text;
            try {
                text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println(file + ": cannot read: " + e.getMessage());
                code = 1;
                continue;
            }
            try {
                for (Suggestion s : scanner.scanFile(text)) {
                    out.println(line(file, s));
                }
            } catch (SeedFormat.MalformedArticleException e) {
                System.err.println(file + ": not an article file: " + e.getMessage());
                code = 1;
            }
            out.flush();
        }
        return code;
    }

    static String line(String file, Suggestion s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("start", s.start());
        json.put("end", s.end());
        json.put("quote", s.quote());
        json.put("category", s.category().name());
        json.put("suggestion", s.suggestion());
        json.put("explanation", s.explanation());
        json.put("confidence", s.confidence());
        json.put("detector", s.detector());
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard output carries only JSON: library logging goes to standard error, warnings and worse only. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder =
                    new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%level %logger{20} - %msg%n");
            encoder.start();
            ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
                    new ch.qos.logback.core.ConsoleAppender<>();
            appender.setContext(context);
            appender.setTarget("System.err");
            appender.setEncoder(encoder);
            appender.start();
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.addAppender(appender);
            root.setLevel(Level.WARN);
        }
    }
}
