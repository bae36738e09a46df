package org.factdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Captures the SQL Camunda's MyBatis mappers run, and asks H2 or PostgreSQL how they run a statement. */
final class Plans {

    private Plans() {
    }

    /** The statements (with their parameters written in) that {@code what} ran through this mapper logger. */
    static List<String> capture(String mapperLogger, Runnable what) {
        Logger logger = (Logger) LoggerFactory.getLogger(mapperLogger);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        try {
            what.run();
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
            logger.setAdditive(additive);
        }
        List<String> statements = new ArrayList<>();
        String preparing = null;
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            int p = message.indexOf("Preparing: ");
            int q = message.indexOf("Parameters: ");
            if (p >= 0) {
                preparing = message.substring(p + "Preparing: ".length()).strip();
            } else if (q >= 0 && preparing != null) {
                statements.add(inline(preparing, message.substring(q + "Parameters: ".length()).strip()));
                preparing = null;
            }
        }
        return statements;
    }

    private static final Pattern PARAMETER = Pattern.compile("(.*?)\\(([A-Za-z0-9_.]+)\\)");

    /** Writes MyBatis's logged parameters ({@code fiona(String), 50(Integer)}) into the statement's placeholders. */
    static String inline(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        if (!parameters.isBlank()) {
            for (String part : parameters.split(", ")) {
                Matcher m = PARAMETER.matcher(part.strip());
                if (part.strip().equals("null")) {
                    values.add("NULL");
                } else if (m.matches()) {
                    String type = m.group(2);
                    boolean number = type.equals("Integer") || type.equals("Long") || type.equals("Boolean")
                            || type.equals("Short") || type.equals("Double");
                    values.add(number ? m.group(1) : "'" + m.group(1).replace("'", "''") + "'");
                } else {
                    values.add("'" + part.strip().replace("'", "''") + "'");
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && next < values.size()) {
                out.append(values.get(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString().replaceAll("\\s+", " ");
    }

    /** The database's plan for {@code sql}, having run it (EXPLAIN ANALYZE). */
    static String explain(JdbcTemplate jdbc, boolean postgres, String sql) {
        String statement = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " + sql : "EXPLAIN ANALYZE " + sql;
        List<String> rows = jdbc.queryForList(statement, String.class);
        return String.join("\n", rows);
    }

    /** Writes the statement and its plan to a file under target/scale-benchmark/plans and returns the plan. */
    static String save(String name, String sql, String plan) {
        try {
            Path dir = Bench.OUT.resolve("plans");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), sql + "\n\n" + plan + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plan;
    }
}
