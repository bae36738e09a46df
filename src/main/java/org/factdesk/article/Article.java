package org.factdesk.article;

import java.time.Instant;

/**
 * A published article with the headline of its current revision. Its text lives in its revisions; {@code currentRevision} names the one readers see and
 * {@code updatedAt} is when the latest update was published (null while it has none).
 */
public record Article(long id, String source, String slug, String headline, String section, Instant publishedAt, Instant updatedAt,
        int currentRevision) {
}
