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
        double[] bareCpu = new double[2];
        try (BareEngine engine = BareEngine.h2(Bench.dir("bare-h2"))) {
            bare[0] = engine.rate(1, Bench.LIFECYCLE_SECONDS);
            bareCpu[0] = engine.cpuMillisPerLifecycle;
            bare[1] = engine.rate(4, Bench.LIFECYCLE_SECONDS);
            bareCpu[1] = engine.cpuMillisPerLifecycle;
        }
        say("[h2] bare Camunda 7.24 (in-process, full history, H2 file): %.1f lifecycles/s at 1 thread, %.1f at 4",
                bare[0], bare[1]);
        say("[h2] bare engine in-process: CPU %.1f ms per lifecycle at 1 thread, %.1f at 4", bareCpu[0], bareCpu[1]);
        double[] inProcess;
        try (InProcessLifecycles own = InProcessLifecycles.h2(Bench.dir("inproc-h2"))) {
            inProcess = inProcess("h2", own, bare, bareCpu);
        }
        double[] rest = new double[2];
        double[] restCpu = new double[2];
        String restSteps;
        try (RestLifecycles engine = new RestLifecycles(Bench.dir("bare-rest-h2"))) {
            engine.run(1, Bench.QUICK ? 3 : 8, false);
            rest[0] = engine.run(1, Bench.LIFECYCLE_SECONDS, true);
            restCpu[0] = engine.cpuMillisPerLifecycle;
            rest[1] = engine.run(4, Bench.LIFECYCLE_SECONDS, false);
            restCpu[1] = engine.cpuMillisPerLifecycle;
            restSteps = engine.stepTable();
        }
        say("[h2] bare Camunda 7.24 behind its own REST API over HTTP (own JVM, HTTP Basic, full history, async service"
                + " task, H2 file): %.2f lifecycles/s at 1 client thread, %.2f at 4", rest[0], rest[1]);
        say("[h2] bare engine over REST: server CPU %.1f ms per lifecycle at 1 client thread, %.1f at 4", restCpu[0],
                restCpu[1]);
        say("[h2] bare engine over REST, one client thread,%n%s", restSteps);
        Node node = Node.h2("lifecycle-h2", Bench.dir("lifecycle-h2"), List.of(), factDeskArgs());
        try {
            Lifecycles lifecycles = new Lifecycles(List.of(node));
            lifecycles.importArticles(articlesNeeded());
            double[] factDesk = measure("h2", lifecycles, bare);
            say("[h2] ratio FactDesk / bare engine over REST (both over HTTP): %.3f at 1 thread, %.3f at 4 threads",
                    factDesk[0] / rest[0], factDesk[1] / rest[1]);
            say("[h2] server CPU per lifecycle, bare engine over REST / FactDesk (the same ratio by cost, which the "
                    + "machine's other load sways less): %.3f at 1 thread, %.3f at 4", restCpu[0] / factDesk[2],
                    restCpu[1] / factDesk[3]);
            say("[h2] CPU per lifecycle, bare engine in-process / FactDesk server: %.3f at 1 thread, %.3f at 4",
                    bareCpu[0] / factDesk[2], bareCpu[1] / factDesk[3]);
            yardsticks("h2", factDesk, bare, inProcess);
            profile(node, lifecycles, "h2");
        } finally {
            node.stop();
        }
    }

    /**
     * Further arguments for the FactDesk node ({@code -Dscale.factdesk.args="--a=b --c=d"}), to measure a setting
     * against the shipped one, such as another Camunda history level; none by default.
     */
    static String[] factDeskArgs() {
        String args = System.getProperty("scale.factdesk.args", "").strip();
        if (!args.isEmpty()) {
            say("[h2] FactDesk started with %s", args);
        }
        return args.isEmpty() ? new String[0] : args.split("\\s+");
    }

    /** Warm-up, then 1 and 4 threads; prints the rates, the ratios to the bare engine and the per-step times. */
    static double[] measure(String db, Lifecycles lifecycles, double[] bare) throws Exception {
        lifecycles.run(1, Bench.QUICK ? 3 : 8, false);
        double one = lifecycles.run(1, Bench.LIFECYCLE_SECONDS, true);
        double oneCpu = lifecycles.cpuMillisPerLifecycle;
        String oneSteps = lifecycles.stepTable();
        double four = lifecycles.run(4, Bench.LIFECYCLE_SECONDS, false);
        double fourCpu = lifecycles.cpuMillisPerLifecycle;
        say("[%s] FactDesk lifecycle over HTTP: %.2f lifecycles/s at 1 client thread, %.2f at 4 (4 threads = %.2fx one)",
                db, one, four, four / one);
        say("[%s] FactDesk server CPU %.1f ms per lifecycle at 1 client thread, %.1f at 4 (background scans included)",
                db, oneCpu, fourCpu);
        if (bare != null) {
            say("[%s] ratio FactDesk / bare engine: %.3f at 1 thread, %.3f at 4 threads (target >= 0.8)", db,
                    one / bare[0], four / bare[1]);
        }
        say("[%s] one client thread,%n%s", db, oneSteps);
        return new double[] {one, four, oneCpu, fourCpu};
    }

    /**
     * FactDesk's lifecycle in this JVM through its services (no HTTP, no password check), warm-up then 1 and 4
     * threads, against the bare engine in-process; returns the rates and CPU per lifecycle.
     */
    static double[] inProcess(String db, InProcessLifecycles own, double[] bare, double[] bareCpu) throws Exception {
        own.importArticles(Bench.QUICK ? 4 : 40);
        own.run(1, Bench.QUICK ? 3 : 8, false);
        double one = own.run(1, Bench.LIFECYCLE_SECONDS, true);
        double oneCpu = own.cpuMillisPerLifecycle;
        String steps = own.stepTable();
        double four = own.run(4, Bench.LIFECYCLE_SECONDS, false);
        double fourCpu = own.cpuMillisPerLifecycle;
        say("[%s] FactDesk in-process (its services called as the API controllers call them, no HTTP, job executor on):"
                + " %.2f lifecycles/s at 1 thread, %.2f at 4", db, one, four);
        say("[%s] FactDesk in-process: CPU %.1f ms per lifecycle at 1 thread, %.1f at 4 (whole JVM, background scans "
                + "included)", db, oneCpu, fourCpu);
        say("[%s] ratio FactDesk in-process / bare engine in-process: %.3f at 1 thread, %.3f at 4; by CPU per "
                + "lifecycle (bare / FactDesk) %.3f at 1, %.3f at 4", db, one / bare[0], four / bare[1],
                bareCpu == null ? Double.NaN : bareCpu[0] / oneCpu, bareCpu == null ? Double.NaN : bareCpu[1] / fourCpu);
        say("[%s] FactDesk in-process, one thread,%n%s", db, steps);
        // The same 4 threads under JFR, in this JVM: FactDesk's own work per step with no HTTP in the way.
        Path recording = Bench.OUT.resolve("inproc-" + db + ".jfr");
        try (jdk.jfr.Recording jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            jfr.start();
            double rate = own.run(4, Bench.QUICK ? 6 : 15, false);
            jfr.stop();
            jfr.dump(recording);
            say("[%s] FactDesk in-process, profiled run: %.2f lifecycles/s at 4 threads under JFR", db, rate);
        }
        Profile.summarise(recording, Profile.LIFECYCLE, "[" + db + "] FactDesk in-process during lifecycles", 25);
        return new double[] {one, four, oneCpu, fourCpu};
    }

    /** The three ratios side by side: the issue's headline first. */
    static void yardsticks(String db, double[] overHttp, double[] bare, double[] inProcess) {
        say("[%s] yardsticks at 1 / 4 threads: FactDesk over HTTP / bare in-process %.3f / %.3f (the headline); "
                        + "FactDesk in-process / bare in-process %.3f / %.3f (FactDesk's own work); FactDesk over HTTP / "
                        + "FactDesk in-process %.3f / %.3f (what HTTP and security add)", db, overHttp[0] / bare[0],
                overHttp[1] / bare[1], inProcess[0] / bare[0], inProcess[1] / bare[1], overHttp[0] / inProcess[0],
                overHttp[1] / inProcess[1]);
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
