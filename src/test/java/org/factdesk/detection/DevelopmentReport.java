package org.factdesk.detection;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the development side's scores — the real corpus's development half, the pool, both — and the regression
 * set's, every miss and false alarm named, for tuning: {@code -Dfactdesk.dev=true}.
 */
@EnabledIfSystemProperty(named = "factdesk.dev", matches = "true")
class DevelopmentReport {

    @Test
    void printDevelopmentScores() {
        List<Corpus.Article> dev = Corpus.development();
        System.out.println("FactDesk, development half\n" + Corpus.score(ArticleScanner.shared(), dev).report());
        System.out.println("FactDesk, development pool\n"
                + Corpus.score(ArticleScanner.shared(), Corpus.pool()).report());
        System.out.println("FactDesk, development side (half and pool)\n"
                + Corpus.score(ArticleScanner.shared(), Corpus.developmentSide()).report());
        System.out.println("FactDesk, regression\n" + Corpus.score(ArticleScanner.shared(), Corpus.load()).report());
    }
}
