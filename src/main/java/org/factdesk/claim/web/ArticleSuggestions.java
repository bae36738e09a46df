package org.factdesk.claim.web;

import java.util.List;

import org.factdesk.article.ArticleRevision;
import org.factdesk.claim.Category;

/**
 * Claims a machine proposes on an article, shown on its desk page for a person to accept or dismiss. The detection
 * feature provides them; the page asks through this interface so that flagging never depends on detecting.
 */
public interface ArticleSuggestions {

    /** One open suggestion where it stands in today's text ({@code start} is a body index). */
    record Suggested(long id, int start, String quote, Category category, String detector, double confidence,
            String replacement, String explanation) {
    }

    /** The article's open suggestions that still stand in {@code current}, in text order. */
    List<Suggested> open(long articleId, ArticleRevision current);
}
