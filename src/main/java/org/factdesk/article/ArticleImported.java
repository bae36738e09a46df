package org.factdesk.article;

/** Published inside the import's transaction when an article file has been imported for the first time. */
public record ArticleImported(long articleId, String source, String importedBy) {
}
