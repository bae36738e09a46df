package org.factdesk.review.leaks;

import org.factdesk.detection.SuggestionService;

/** A leak for ArchitectureLeaksTest: review reaching into detection. */
class ReviewReadsSuggestions {

    Object suggestions(SuggestionService suggestions) {
        return suggestions.forArticle(1);
    }
}
