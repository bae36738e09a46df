package org.factdesk.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        this(List.of(new SpellingGrammarDetector(), new NameVariantDetector(), new RealWordDetector(), new ContextDetector(),
                new RepeatedWordDetector(), new TimeDetector(), new NumberDetector(), new DuplicateParagraphDetector(),
                new QuotationDetector(), new ContractionDetector(), new AgreementDetector()));
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
        List<Suggestion> all = new ArrayList<>();
        for (Detector detector : detectors) {
            document.deadline().check();
            all.addAll(detector.detect(document));
        }
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
