package org.factdesk.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * "A 2xx means durable", tested the hard way: FactDesk runs as its own JVM and is killed with SIGKILL right after
 * (or while) 20 approvals on one article are answered, then started again on the same data. After each restart every
 * acknowledged approval must still be there, every approved claim published exactly once, none left publishing, no
 * incident, and the audit chain valid; an approval that got no answer is either wholly applied or not at all. Ten
 * chained rounds on the default H2 file database and ten on PostgreSQL.
 *
 * <p>System properties: {@code factdesk.crash.rounds} (10), {@code factdesk.crash.seed} (the kill timings),
 * {@code factdesk.crash.settle-seconds} (how long a restart may take to publish what was approved, 180),
 * {@code factdesk.crash.app-args} (arguments for FactDesk; by default a 5 s job lock, see {@link #APP_ARGUMENTS}).
 */
class KillDuringApprovalsTest {

    private static final Path ROOT = Path.of("target", "crash");
    private static final int ROUNDS = Integer.getInteger("factdesk.crash.rounds", 10);
    private static final long SEED = Long.getLong("factdesk.crash.seed", 20200108L);
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("factdesk.crash.settle-seconds", 180));
    private static final Duration START = Duration.ofSeconds(180);
    /**
     * Extra arguments for FactDesk. By default a 5 s job lock in place of the configured 30 s: after each kill the
     * dead process's publish jobs wait out their lock before the restarted one runs them, which is the same
     * behaviour sooner; with 30 s the twenty rounds take about fifteen minutes of the suite instead of six.
     */
    private static final List<String> APP_ARGUMENTS = Arrays.stream(System.getProperty("factdesk.crash.app-args",
            "--camunda.bpm.job-execution.lock-time-in-millis=5000").split("\\s+"))
            .filter(argument -> !argument.isBlank()).toList();

    private static EmbeddedPostgres postgres;

    @AfterAll
    static void killChildrenAndStopPostgres() throws IOException {
        FactDeskProcess.killAll();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void acknowledgedApprovalsSurviveSigkillOnH2() throws IOException {
        Path dir = runDirectory("h2");
        run("H2", FactDeskProcess.Setup.h2("h2", dir.resolve("data"), dir.resolve("factdesk.log"), APP_ARGUMENTS));
    }

    @Test
    void acknowledgedApprovalsSurviveSigkillOnPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Path dir = runDirectory("postgres");
        // Only FactDesk is killed; PostgreSQL keeps running, as a database server does when an application node dies.
        run("PostgreSQL", FactDeskProcess.Setup.postgres("postgres", dir.resolve("data"),
                dir.resolve("factdesk.log"), postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                APP_ARGUMENTS));
    }

    private static void run(String database, FactDeskProcess.Setup setup) throws IOException {
        CrashRounds rounds = new CrashRounds(setup, SEED, START, SETTLE);
        long began = System.nanoTime();
        Throwable crashed = null;
        try {
            rounds.run(ROUNDS);
        } catch (Throwable e) {
            crashed = e;
        } finally {
            rounds.stop();
        }
        String summary = rounds.figures().summary(database) + "; test " + (System.nanoTime() - began) / 1_000_000
                + " ms; seed " + SEED
                + (APP_ARGUMENTS.isEmpty() ? "" : "; FactDesk arguments " + APP_ARGUMENTS);
        report(summary, rounds);
        if (crashed != null) {
            throw new AssertionError(summary + "\n" + rounds.logTail(60), crashed);
        }
        if (!rounds.failures().isEmpty()) {
            throw new AssertionError(rounds.failures().size() + " failure(s)\n" + String.join("\n",
                    rounds.failures()) + "\n" + summary + "\n" + rounds.logTail(60));
        }
    }

    private static void report(String summary, CrashRounds rounds) throws IOException {
        System.out.println(summary);
        rounds.failures().forEach(System.out::println);
        Files.createDirectories(ROOT);
        Files.writeString(ROOT.resolve("figures.txt"), Instant.now() + " " + summary + "\n"
                + String.join("\n", rounds.failures()) + (rounds.failures().isEmpty() ? "" : "\n"),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path runDirectory(String database) throws IOException {
        Path dir = ROOT.resolve(database + "-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        return dir;
    }
}
