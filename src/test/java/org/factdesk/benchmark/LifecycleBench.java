package org.factdesk.benchmark;

import java.nio.file.Path;
import java.util.List;

import static org.factdesk.benchmark.Bench.say;

/**
 * FactDesk's whole lifecycle over HTTP against the bare engine, at 1 and 4 client threads, then a profiled run of
 * FactDesk to say where the time goes.
 */
final class LifecycleBench {

    private LifecycleBench() {
    }

    /** Articles for one node's runs: enough typos for warm-up, both measured runs and the profiled one. */
    static int articlesNeeded() {
        return Bench.QUICK ? 8 : 40;
    }

    static void h2() throws Exception {
        Bench.heading("Lifecycle on H2: FactDesk over HTTP against a bare Camunda engine");
        double[] bare = new double[2];
        try (BareEngine engine = BareEngine.h2(Bench.dir("bare-h2"))) {
            bare[0] = engine.rate(1, Bench.LIFECYCLE_SECONDS);
            bare[1] = engine.rate(4, Bench.LIFECYCLE_SECONDS);
        }
        say("[h2] bare Camunda 7.24 (in-process, full history, H2 file): %.1f lifecycles/s at 1 thread, %.1f at 4",
                bare[0], bare[1]);
        double[] rest = new double[2];
        String restSteps;
        try (RestLifecycles engine = new RestLifecycles(Bench.dir("bare-rest-h2"))) {
            engine.run(1, Bench.QUICK ? 3 : 8, false);
            rest[0] = engine.run(1, Bench.LIFECYCLE_SECONDS, true);
            rest[1] = engine.run(4, Bench.LIFECYCLE_SECONDS, false);
            restSteps = engine.stepTable();
        }
        say("[h2] bare Camunda 7.24 behind its own REST API over HTTP (own JVM, HTTP Basic, full history, async service"
                + " task, H2 file): %.2f lifecycles/s at 1 client thread, %.2f at 4", rest[0], rest[1]);
        say("[h2] bare engine over REST, one client thread,%n%s", restSteps);
        Node node = Node.h2("lifecycle-h2", Bench.dir("lifecycle-h2"), List.of());
        try {
            Lifecycles lifecycles = new Lifecycles(List.of(node));
            lifecycles.importArticles(articlesNeeded());
            double[] factDesk = measure("h2", lifecycles, bare);
            say("[h2] ratio FactDesk / bare engine over REST (both over HTTP): %.3f at 1 thread, %.3f at 4 threads",
                    factDesk[0] / rest[0], factDesk[1] / rest[1]);
            profile(node, lifecycles, "h2");
        } finally {
            node.stop();
        }
    }

    /** Warm-up, then 1 and 4 threads; prints the rates, the ratios to the bare engine and the per-step times. */
    static double[] measure(String db, Lifecycles lifecycles, double[] bare) throws Exception {
        lifecycles.run(1, Bench.QUICK ? 3 : 8, false);
        double one = lifecycles.run(1, Bench.LIFECYCLE_SECONDS, true);
        String oneSteps = lifecycles.stepTable();
        lifecycles.steps.values().forEach(s -> { });
        double four = lifecycles.run(4, Bench.LIFECYCLE_SECONDS, false);
        say("[%s] FactDesk lifecycle over HTTP: %.2f lifecycles/s at 1 client thread, %.2f at 4 (4 threads = %.2fx one)",
                db, one, four, four / one);
        if (bare != null) {
            say("[%s] ratio FactDesk / bare engine: %.3f at 1 thread, %.3f at 4 threads (target >= 0.8)", db,
                    one / bare[0], four / bare[1]);
        }
        say("[%s] one client thread,%n%s", db, oneSteps);
        return new double[] {one, four};
    }

    /** A further 4-thread run under JFR, summarised by thread and by where the CPU samples fall. */
    static void profile(Node node, Lifecycles lifecycles, String db) throws Exception {
        Path recording = Bench.OUT.resolve("lifecycle-" + db + ".jfr");
        node.jcmd("JFR.start", "name=bench", "settings=profile");
        double rate = lifecycles.run(4, Bench.QUICK ? 6 : 15, false);
        node.jcmd("JFR.dump", "name=bench", "filename=" + recording.toAbsolutePath());
        node.jcmd("JFR.stop", "name=bench");
        say("[%s] profiled run: %.2f lifecycles/s at 4 threads under JFR", db, rate);
        Profile.summarise(recording, Profile.LIFECYCLE, "[" + db + "] FactDesk during lifecycles", 25);
        long scans = node.logLines("Scanned article");
        List<String> times = node.logMatching(".*Scanned article \\d+ \\(revision.*");
        double total = 0;
        for (String line : times) {
            String ms = line.replaceAll(".* in (\\d+) ms.*", "$1");
            total += Double.parseDouble(ms);
        }
        say("[%s] background scans after publication: %d of them, %.0f ms each on average (%d scans in all since start;"
                        + " dropped with a full queue: %d)", db, times.size(), times.isEmpty() ? 0 : total / times.size(),
                scans, node.logLines("dropped"));
    }
}
