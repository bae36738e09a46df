package org.factdesk.detection;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.factdesk.article.SeedFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar factdesk.jar scan FILE...}: scans article files offline — no Spring context, no web server, no
 * process engine — and prints one JSON object per line per suggestion, positions as indices into the file's text.
 */
public final class ScanCommand {

    private ScanCommand() {
    }

    /** Scans the files and returns the exit code: 0 when every file was read and scanned, 1 otherwise, 2 for usage. */
    public static int run(String[] files) {
        quickCompilationOnly();
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

    /**
     * One suggestion as a JSON object, written here rather than by Jackson: the command prints a few flat objects, and
     * loading Jackson's databind from the nested jar cost a noticeable part of the command's start-up.
     */
    static String line(String file, Suggestion s) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "file", file).append(',');
        json.append("\"start\":").append(s.start()).append(',');
        json.append("\"end\":").append(s.end()).append(',');
        field(json, "quote", s.quote()).append(',');
        field(json, "category", s.category().name()).append(',');
        field(json, "suggestion", s.suggestion()).append(',');
        field(json, "explanation", s.explanation()).append(',');
        double confidence = s.confidence();
        json.append("\"confidence\":").append(Double.isFinite(confidence) ? Double.toString(confidence) : "null")
                .append(',');
        field(json, "detector", s.detector());
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    /**
     * Asks HotSpot to leave its optimising compiler (C2) out of this process. The command lives a few seconds, and in
     * them C2 spent as much CPU compiling LanguageTool's loaders as the whole scan took without it (10 s of CPU against
     * 5.7 s for one file): its code pays off only in a process that runs for minutes. The quick compiler still
     * compiles every hot method. A JVM that refuses the directive simply runs as it would have.
     */
    static boolean quickCompilationOnly() {
        Path directive = null;
        try {
            directive = Files.createTempFile("factdesk-scan-", ".json");
            Files.writeString(directive, "[{ match: \"*.*\", c2: { Exclude: true } }]");
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directive.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(answer).contains("1 compiler directives added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (IOException ignored) {
                    // A temporary file of 40 bytes left behind is no reason to fail a scan.
                }
            }
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
