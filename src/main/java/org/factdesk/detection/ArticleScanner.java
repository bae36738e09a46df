package org.factdesk.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every detector over an article and returns their suggestions in text order, one per place: where two detectors
 * flag overlapping text as the same kind of error, the surer one speaks. Built once and shared — LanguageTool's
 * start-up is the slow part — and safe to call from several threads at once: a scan never waits for another.
 * A scan stops with {@link ScanStopped} once its document's deadline passes, and answers at most
 * {@link #MAX_SUGGESTIONS} suggestions, the first in the text.
 */
public class ArticleScanner {

    /** More than a fact-checker can act on; storing them all would hold the article's row for long. */
    static final int MAX_SUGGESTIONS = 500;

    private final List<Detector> detectors;

    /** One scanner per JVM: LanguageTool's dictionaries and rules are loaded once, whoever scans first. */
    private static final class Shared {
        static final ArticleScanner INSTANCE = new ArticleScanner();
    }

    public static ArticleScanner shared() {
        return Shared.INSTANCE;
    }

    public ArticleScanner() {
        this(loadDetectors());
    }

    /**
     * LanguageTool's rules and dictionaries are most of start-up; they load on a thread of their own while this one
     * loads the other detectors' data (the lexicon's tagger, zone names, the language model), and the first scan runs
     * the other detectors while LanguageTool is still loading, so on two cores start-up takes about as long as
     * LanguageTool alone.
     */
    private static List<Detector> loadDetectors() {
        FutureTask<SpellingGrammarDetector> spelling = new FutureTask<>(SpellingGrammarDetector::new);
        Thread loader = new Thread(spelling, "languagetool-loader");
        loader.setDaemon(true);
        loader.start();
        List<Detector> all = new ArrayList<>();
        all.add(new Loading(spelling));
        all.addAll(List.of(new NameVariantDetector(), new RealWordDetector(), new ContextDetector(),
                new RepeatedWordDetector(), new TimeDetector(), new NumberDetector(), new DuplicateParagraphDetector(),
                new QuotationDetector(), new ContractionDetector(), new AgreementDetector()));
        return all;
    }

    /** LanguageTool while it loads: a scan waits for it only once every other detector has had its turn. */
    private static final class Loading implements Detector {

        private final FutureTask<SpellingGrammarDetector> detector;

        Loading(FutureTask<SpellingGrammarDetector> detector) {
            this.detector = detector;
        }

        boolean ready() {
            return detector.isDone();
        }

        @Override
        public String name() {
            return "languagetool";
        }

        @Override
        public List<Suggestion> detect(ScanDocument document) {
            try {
                // A scan with a deadline stops at it, whether LanguageTool is still loading or checking.
                while (true) {
                    try {
                        return detector.get(50, TimeUnit.MILLISECONDS).detect(document);
                    } catch (TimeoutException e) {
                        document.deadline().check();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while LanguageTool loaded", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("LanguageTool failed to load", e.getCause());
            }
        }
    }

    ArticleScanner(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    List<Detector> detectors() {
        return detectors;
    }

    /** Scans a whole file in the seed format; positions are indices into that text. */
    public List<Suggestion> scanFile(String fileText) {
        return scan(ScanDocument.ofFile(fileText));
    }

    /** Scans a whole file in the seed format within {@code deadline}. */
    public List<Suggestion> scanFile(String fileText, ScanDeadline deadline) {
        return scan(ScanDocument.ofFile(fileText, deadline));
    }

    /** Runs every detector over the document, within the document's deadline. */
    public List<Suggestion> scan(ScanDocument document) {
        // Each detector's findings in its own slot, so the order below is the detectors' order whoever ran first.
        List<List<Suggestion>> byDetector = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < detectors.size(); i++) {
            byDetector.add(List.of());
            if (detectors.get(i) instanceof Loading loading && !loading.ready()) {
                later.add(i);
                continue;
            }
            document.deadline().check();
            byDetector.set(i, detectors.get(i).detect(document));
        }
        for (int i : later) {
            document.deadline().check();
            byDetector.set(i, detectors.get(i).detect(document));
        }
        List<Suggestion> all = new ArrayList<>();
        byDetector.forEach(all::addAll);
        document.deadline().check();
        all.sort(Comparator.comparingDouble(Suggestion::confidence).reversed()
                .thenComparing(s -> s.start() - s.end()));
        List<Suggestion> kept = new ArrayList<>();
        for (Suggestion candidate : all) {
            document.deadline().check();
            boolean covered = kept.stream().anyMatch(k -> k.category() == candidate.category() && k.overlaps(candidate));
            if (!covered) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Suggestion::start).thenComparingInt(Suggestion::end));
        return kept.size() <= MAX_SUGGESTIONS ? kept : List.copyOf(kept.subList(0, MAX_SUGGESTIONS));
    }
}
