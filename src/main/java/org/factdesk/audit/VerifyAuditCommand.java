package org.factdesk.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The offline {@code verify-audit} command: recomputes the audit chain straight from the database with plain JDBC —
 * no web server, no process engine — prints {@code {valid, entries, firstBrokenAt, reason, head}} as JSON and exits
 * 0 when the log is intact, 1 when it is not, 2 when it could not be checked.
 * <pre>
 *   java -jar factdesk.jar verify-audit [--data-dir DIR] [--head HASH [--entries N]]
 *   java -jar factdesk.jar verify-audit --url JDBC_URL [--user USER] [--password PASSWORD] [--head HASH ...]
 * </pre>
 * The data directory defaults to {@code FACTDESK_DATA_DIR}, then {@code ./data}. H2 lets one process at a time open
 * its file, so stop FactDesk first, or ask the running application ({@code GET /api/audit/verify}).
 */
public final class VerifyAuditCommand {

    static final int VALID = 0;
    static final int BROKEN = 1;
    static final int FAILED = 2;

    private static final String USAGE = "Usage: verify-audit [--data-dir DIR] [--url JDBC_URL --user USER "
            + "--password PASSWORD] [--head SHA256_HEX [--entries N]]";

    private VerifyAuditCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.getenv(), System.out, System.err);
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return FAILED;
        }
        if (options.url() == null) {
            Path database = options.dataDir().resolve("factdesk.mv.db");
            if (!Files.isRegularFile(database)) {
                err.println("No FactDesk database at " + database.toAbsolutePath()
                        + ". Give the data directory with --data-dir or FACTDESK_DATA_DIR.");
                return FAILED;
            }
        }
        try (Connection connection = DriverManager.getConnection(options.jdbcUrl(), options.user(),
                options.password())) {
            // One read-only snapshot of entries and chain head, as in the application.
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Verification verification = ChainVerifier.verify(connection,
                    new ExpectedHead(options.head(), options.entries()));
            connection.rollback();
            out.println(new ObjectMapper().writeValueAsString(verification));
            return verification.valid() ? VALID : BROKEN;
        } catch (SQLException e) {
            err.println("Could not read the audit log from " + options.jdbcUrl() + ": " + e.getMessage());
            if (options.url() == null) {
                err.println("If FactDesk is running it holds the database: stop it first, or use GET /api/audit/verify.");
            }
            return FAILED;
        } catch (Exception e) {
            err.println("Could not verify the audit log: " + e);
            return FAILED;
        }
    }

    /** The command line, with the data directory resolved. */
    record Options(Path dataDir, String url, String user, String password, String head, Long entries) {

        static Options parse(String[] args, Map<String, String> environment) {
            String dir = environment.getOrDefault("FACTDESK_DATA_DIR", "./data");
            String url = null;
            String user = null;
            String password = null;
            String head = null;
            Long entries = null;
            Deque<String> rest = new ArrayDeque<>(List.of(args));
            while (!rest.isEmpty()) {
                String option = rest.pop();
                switch (option) {
                    case "--data-dir" -> dir = value(option, rest);
                    case "--url" -> url = value(option, rest);
                    case "--user" -> user = value(option, rest);
                    case "--password" -> password = value(option, rest);
                    case "--head" -> head = value(option, rest);
                    case "--entries" -> entries = number(option, value(option, rest));
                    default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
                }
            }
            if (head != null && !head.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("--head must be the 64 hexadecimal characters of a SHA-256 hash.");
            }
            if (entries != null && head == null) {
                throw new IllegalArgumentException("--entries needs the --head it belongs to.");
            }
            if (url == null) {
                // The defaults of application.yml.
                user = user == null ? "factdesk" : user;
                password = password == null ? "factdesk" : password;
            }
            return new Options(Path.of(dir), url, user, password == null ? "" : password, head, entries);
        }

        /** Opens an existing H2 file read-only; IFEXISTS keeps a mistyped directory from creating an empty log. */
        String jdbcUrl() {
            return url != null ? url : "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("factdesk")
                    + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        }

        private static String value(String option, Deque<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value.");
            }
            return rest.pop();
        }

        private static long number(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException(option + " must be a whole number of entries, not '" + value + "'.");
        }
    }
}
