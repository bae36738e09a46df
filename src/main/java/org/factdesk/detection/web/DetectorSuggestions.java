package org.factdesk.detection.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.claim.web.ArticleSuggestions;
import org.factdesk.detection.StoredSuggestion;
import org.factdesk.detection.SuggestionService;
import org.springframework.stereotype.Component;

/** The detectors' open suggestions on an article, followed from the revision they were found on to today's text. */
@Component
class DetectorSuggestions implements ArticleSuggestions {

    private final SuggestionService suggestions;
    private final ArticleService articles;

    DetectorSuggestions(SuggestionService suggestions, ArticleService articles) {
        this.suggestions = suggestions;
        this.articles = articles;
    }

    @Override
    public List<Suggested> open(long articleId, ArticleRevision current) {
        Map<Integer, String> bodies = new HashMap<>();
        List<Suggested> open = new ArrayList<>();
        for (StoredSuggestion suggestion : suggestions.forArticle(articleId)) {
            if (suggestion.state() != StoredSuggestion.State.OPEN) {
                continue;
            }
            String scanned = bodies.computeIfAbsent(suggestion.revision(),
                    n -> articles.revision(articleId, n).body());
            suggestion.anchor().relocate(scanned, current.body()).ifPresent(anchor -> open.add(new Suggested(
                    suggestion.id(), anchor.start(), suggestion.quote(), suggestion.category(), suggestion.detector(),
                    suggestion.confidence(), suggestion.replacement(), suggestion.explanation())));
        }
        return open;
    }
}
