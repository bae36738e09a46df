package org.factdesk.detection;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The held-out half's figures per category for FactDesk beside LanguageTool alone, for a release's report
 * ({@code -Dfactdesk.heldout=true}). It prints counts and ratios only, never a miss or a false alarm: nobody reads the
 * held-out half's errors, so nothing is tuned on it.
 */
@EnabledIfSystemProperty(named = "factdesk.heldout", matches = "true")
class HeldOutComparison {

    @Test
    void printHeldOutFiguresBesideLanguageToolAlone() {
        List<Corpus.Article> heldOut = Corpus.heldOut();
        Corpus.Score factDesk = Corpus.score(ArticleScanner.shared(), heldOut);
        Corpus.Score languageTool = Corpus.score(new ArticleScanner(List.of(new SpellingGrammarDetector())), heldOut);
        StringBuilder out = new StringBuilder(String.format("Held-out half: %d articles, %d words%n", heldOut.size(),
                factDesk.words()));
        out.append(String.format("%-10s %7s | %-17s | %-17s%n", "category", "labels", "FactDesk R / P (n)",
                "LanguageTool R / P (n)"));
        for (String kind : Corpus.KINDS) {
            Corpus.Tally f = factDesk.perKind().get(kind);
            Corpus.Tally l = languageTool.perKind().get(kind);
            if (f.labels == 0 && f.suggestions == 0 && l.suggestions == 0) {
                continue;
            }
            out.append(String.format("%-10s %7d | %s | %s%n", kind, f.labels, figures(f), figures(l)));
        }
        out.append(String.format("%-10s %7d | %s | %s%n", "ALL", factDesk.total().labels, figures(factDesk.total()),
                figures(languageTool.total())));
        System.out.println(out);
    }

    private static String figures(Corpus.Tally t) {
        return String.format("%4s / %4s (%3d)", ratio(t.found, t.labels), ratio(t.hits, t.suggestions),
                t.suggestions);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }
}
