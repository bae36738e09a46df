package org.factdesk.benchmark;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.factdesk.review.QueueParameters;
import org.factdesk.review.ReviewTaskService;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.factdesk.benchmark.Bench.say;

/**
 * The statements FactDesk's queue really runs for a person's common requests, caught from Spring's JDBC logging as
 * {@code ReviewTaskService} runs them in-process, and H2's EXPLAIN ANALYZE of each: which index, how many rows read.
 * Written to target/scale-benchmark/plans/queue-SIZE-NAME.txt and summarised in the report.
 */
final class QueuePlans {

    /** The requests whose statements are explained, named as in the plan files. */
    private static final String[][] REQUESTS = {
            {"default", null, null, null, null, null},
            {"mine", "mine", null, null, null, null},
            {"unassigned", "unassigned", null, null, null, null},
            {"returned", "returned", null, null, null, null},
            {"overdue", "overdue", null, null, null, null},
            {"category", null, "NAME", null, null, null},
            {"deadline", null, null, "deadline", null, null},
            {"search", null, null, null, "nowhereword", null},
            {"page10", null, null, null, null, "10"}};

    private static final Pattern PARAMETER = Pattern.compile(
            "parameter value \\[(.*)], value class \\[([A-Za-z0-9_.$]+)]");

    private QueuePlans() {
    }

    static void explain(InProcessFactDesk desk, int size, String user) {
        if (desk.postgres) {
            return;
        }
        ReviewTaskService queue = desk.context.getBean(ReviewTaskService.class);
        List<String> groups = desk.groupsOf(user);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, groups.stream().map(g -> new SimpleGrantedAuthority("ROLE_"
                        + g.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))).toList()));
        desk.identity.setAuthentication(user, groups);
        try {
            StringBuilder summary = new StringBuilder();
            for (String[] r : REQUESTS) {
                QueueParameters parameters = new QueueParameters(r[1], null, null, r[2], null, null, null, r[3],
                        r[5] == null ? null : Integer.valueOf(r[5]), null, r[4]);
                List<Statement> statements = capture(() -> queue.queue(user, parameters.toQuery()));
                int n = 0;
                for (Statement statement : statements) {
                    if (!statement.sql().contains("review_")) {
                        continue;
                    }
                    String name = "queue-" + size + "-" + r[0] + "-" + (++n);
                    long t0 = System.nanoTime();
                    String plan;
                    try {
                        plan = plan(desk, statement);
                    } catch (RuntimeException e) {
                        // One statement whose parameters the log did not give in full: the others still count.
                        summary.append(String.format(java.util.Locale.ROOT, "%n      %-28s no plan: %s", name,
                                QueueBench.rootMessage(e).lines().findFirst().orElse("")));
                        continue;
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    Plans.save(name, statement.sql() + "\n-- parameters: " + statement.values(), plan);
                    summary.append(String.format(java.util.Locale.ROOT, "%n      %-28s %8s  %s", name,
                            Bench.ms(ms), QueueBench.condense(plan).lines()
                                    .filter(l -> l.startsWith("/*") && !l.startsWith("/* WHERE"))
                                    .map(l -> l.replaceAll("\\s+", " "))
                                    .reduce((a, b) -> a + " " + b).orElse("")));
                }
            }
            say("[h2 %,d] the queue's statements as %s (EXPLAIN ANALYZE; index used, rows scanned; "
                    + "files target/scale-benchmark/plans/queue-%d-*.txt):%s", size, user, size, summary);
        } catch (RuntimeException e) {
            say("[h2 %,d] no queue plans: %s", size, QueueBench.rootMessage(e));
        } finally {
            desk.identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }

    record Statement(String sql, List<Object> values) {
    }

    private static String plan(InProcessFactDesk desk, Statement statement) {
        return desk.jdbc.execute((ConnectionCallback<String>) connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + statement.sql())) {
                for (int i = 0; i < statement.values().size(); i++) {
                    explain.setObject(i + 1, statement.values().get(i));
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return String.join("\n", rows);
            }
        });
    }

    /** The statements (with their parameters) that {@code what} ran through Spring's JdbcTemplate. */
    private static List<Statement> capture(Runnable what) {
        Logger sql = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate");
        Logger values = (Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.StatementCreatorUtils");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level sqlLevel = sql.getLevel();
        Level valuesLevel = values.getLevel();
        sql.addAppender(appender);
        values.addAppender(appender);
        sql.setLevel(Level.DEBUG);
        values.setLevel(Level.TRACE);
        try {
            what.run();
        } finally {
            sql.detachAppender(appender);
            values.detachAppender(appender);
            sql.setLevel(sqlLevel);
            values.setLevel(valuesLevel);
        }
        List<Statement> statements = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            int at = message.indexOf("SQL statement [");
            Matcher m = PARAMETER.matcher(message);
            if (message.startsWith("Executing prepared SQL statement") && at >= 0) {
                statements.add(new Statement(message.substring(at + "SQL statement [".length(),
                        message.length() - 1), new ArrayList<>()));
            } else if (m.find() && !statements.isEmpty()) {
                statements.get(statements.size() - 1).values().add(value(m.group(1), m.group(2)));
            }
        }
        return statements;
    }

    private static Object value(String text, String type) {
        return switch (type) {
            case "java.lang.Long" -> Long.valueOf(text);
            case "java.lang.Integer" -> Integer.valueOf(text);
            case "java.lang.Boolean" -> Boolean.valueOf(text);
            case "java.time.OffsetDateTime" -> OffsetDateTime.parse(text);
            case "java.sql.Timestamp" -> java.sql.Timestamp.valueOf(text);
            default -> text;
        };
    }
}
