package org.factdesk.detection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints how fast a scan is — the seed's median warm scan time (one thread), each detector's share, and words per
 * second over the labelled corpus — and how accurate: recall and precision per category on the regression set and both
 * halves of the real-text corpus, FactDesk beside LanguageTool alone. A measurement, not a test — it asserts nothing, since wall-clock limits fail on a
 * busy machine — and it runs only in the {@code benchmark} Maven profile: {@code ./mvnw -Pbenchmark test}.
 */
@EnabledIfSystemProperty(named = "factdesk.benchmark", matches = "true")
class ScanBenchmark {

    private static final int WARM_UP = 30;
    private static final int RUNS = 50;

    @Test
    void scanSpeed() {
        ArticleScanner scanner = ArticleScanner.shared();
        String seed = SeedArticle.text();
        ScanDocument seedDocument = ScanDocument.ofFile(seed);
        for (int i = 0; i < WARM_UP; i++) {
            scanner.scanFile(unseen(seed, -1 - i));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> oneChanged = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            // Every paragraph new to the scanner, as an article it has never read: nothing is remembered.
            String text = unseen(seed, i);
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            scanner.scanFile(text);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            times.add((System.nanoTime() - start) / 1e6);
            // The same article again, and then with one paragraph changed, as the scan after a correction sees it.
            start = System.nanoTime();
            scanner.scanFile(text);
            again.add((System.nanoTime() - start) / 1e6);
            String corrected = text.replaceFirst("Erbil", "Erbil " + i);
            start = System.nanoTime();
            scanner.scanFile(corrected);
            oneChanged.add((System.nanoTime() - start) / 1e6);
        }
        StringBuilder out = new StringBuilder();
        // Wall-clock time includes waiting for a core when other processes run; CPU time is the scan's own work.
        out.append(String.format("Seed scan, warm JVM, every paragraph unseen, %d runs on one thread (%d words), load"
                        + " average %.1f on %d cores:%n"
                        + "  wall clock: median %.1f ms, min %.1f ms, 90th percentile %.1f ms%n"
                        + "  CPU time:   median %.1f ms, min %.1f ms (target: median <= 250 ms)%n"
                        + "  the same text again: median %.1f ms; with one paragraph changed (a correction): median"
                        + " %.1f ms%n", RUNS,
                seedDocument.tokens().size(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), percentile(times, 50), percentile(times, 0),
                percentile(times, 90), percentile(cpu, 50), percentile(cpu, 0), percentile(again, 50),
                percentile(oneChanged, 50)));
        out.append("  each detector on the seed again (LanguageTool's paragraphs remembered from the runs above):\n");
        for (Detector detector : scanner.detectors()) {
            List<Double> own = new ArrayList<>();
            for (int i = 0; i < RUNS / 2; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                detector.detect(seedDocument);
                own.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            }
            out.append(String.format("    %-20s CPU time median %6.1f ms%n", detector.name(), percentile(own, 50)));
        }
        List<Corpus.Article> corpus = Corpus.load();
        long words = 0;
        long start = System.nanoTime();
        for (int round = 0; round < 5; round++) {
            for (Corpus.Article article : corpus) {
                words += ScanDocument.ofFile(article.text()).tokens().size();
                scanner.scanFile(article.text());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.append(String.format("Corpus: %d articles x 5 rounds, %d words in %.2f s: %.0f words per second%n",
                corpus.size(), words, seconds, words / seconds));
        System.out.print(out);
        System.out.print(accuracy());
    }

    /**
     * Recall and precision per category for the regression set and both halves of the real-text corpus, FactDesk's
     * detectors beside LanguageTool alone (the same LanguageTool setup, without FactDesk's other detectors), so the
     * gain over it is visible.
     */
    private static String accuracy() {
        ArticleScanner factDesk = ArticleScanner.shared();
        ArticleScanner languageToolAlone = new ArticleScanner(List.of(new SpellingGrammarDetector()));
        StringBuilder out = new StringBuilder();
        for (var set : java.util.Map.of("regression (written here)", Corpus.load(),
                "development (real, tuned on)", Corpus.development(),
                "development pool (real, tuned on)", Corpus.pool(),
                "held-out (real, never tuned on)", Corpus.heldOut(),
                "held-out, fresh (real, never tuned on)", Corpus.fresh()).entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())).toList()) {
            Corpus.Score ours = Corpus.score(factDesk, set.getValue());
            Corpus.Score theirs = Corpus.score(languageToolAlone, set.getValue());
            out.append(String.format("%nAccuracy on the %s set: %d articles, %d labels%n", set.getKey(),
                    set.getValue().size(), ours.total().labels));
            out.append(String.format("%-10s %7s | %-17s | %-17s%n", "category", "labels", "FactDesk R / P",
                    "LanguageTool R / P"));
            for (String kind : Corpus.KINDS) {
                Corpus.Tally a = ours.perKind().get(kind);
                Corpus.Tally b = theirs.perKind().get(kind);
                out.append(String.format("%-10s %7d | %7s / %-7s | %7s / %-7s%n", kind, a.labels,
                        ratio(a.found, a.labels), ratio(a.hits, a.suggestions), ratio(b.found, b.labels),
                        ratio(b.hits, b.suggestions)));
            }
            Corpus.Tally a = ours.total();
            Corpus.Tally b = theirs.total();
            out.append(String.format("%-10s %7d | %7s / %-7s | %7s / %-7s%n", "ALL", a.labels, ratio(a.found, a.labels),
                    ratio(a.hits, a.suggestions), ratio(b.found, b.labels), ratio(b.hits, b.suggestions)));
        }
        return out.toString();
    }

    /** The seed with a short sentence of its own added to each paragraph, so no paragraph was checked before. */
    private static String unseen(String seed, int run) {
        StringBuilder text = new StringBuilder();
        for (String line : seed.split("\n", -1)) {
            text.append(line.length() > 60 ? line + " Ref " + (run + 1000) + "." : line).append('\n');
        }
        return text.substring(0, text.length() - 1);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
