package org.factdesk.corrections;

import java.util.List;

import org.factdesk.article.CorrectionKind;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads every published correction and clarification across all articles, newest first. It queries the article
 * revisions directly because the article feature answers per article only; one query here replaces one per article,
 * and this public page is the busiest reader of them.
 */
@Repository
class PublishedCorrections {

    private final JdbcClient jdbc;

    PublishedCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PublishedCorrection> newestFirst() {
        return jdbc.sql("""
                SELECT r.article_id, r.headline, r.revision, r.claim_id, r.kind, r.notice, r.created_at
                FROM article_revision r
                WHERE r.claim_id IS NOT NULL
                ORDER BY r.created_at DESC, r.article_id DESC, r.revision DESC""")
                .query((rs, row) -> new PublishedCorrection(rs.getLong("article_id"), rs.getString("headline"), rs.getInt("revision"), rs.getLong("claim_id"),
                        CorrectionKind.valueOf(rs.getString("kind")), rs.getString("notice"),
                        SqlTime.read(rs, "created_at")))
                .list();
    }
}
