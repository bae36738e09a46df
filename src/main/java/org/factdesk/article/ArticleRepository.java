package org.factdesk.article;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Reads and writes articles and their revisions. */
@Repository
class ArticleRepository {

    /** An article with the headline of its current revision. */
    private static final String ARTICLE_SELECT = "SELECT a.id, a.source, a.slug, a.section, a.published_at, "
            + "a.updated_at, a.current_revision, r.headline FROM article a JOIN article_revision r "
            + "ON r.article_id = a.id AND r.revision = a.current_revision";
    private static final String REVISION_COLUMNS =
            "article_id, revision, headline, body, created_at, created_by, claim_id, kind, notice, notice_dateline, "
                    + "notice_text";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private volatile String rowLock;

    ArticleRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    long insert(String source, String slug, String section, Instant publishedAt, Instant updatedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO article (source, slug, section, published_at, updated_at, current_revision) "
                        + "VALUES (?, ?, ?, ?, ?, 1)")
                .params(source, slug, section, SqlTime.of(publishedAt), SqlTime.of(updatedAt))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void insertRevision(ArticleRevision revision) {
        CorrectionNotice notice = revision.notice();
        jdbc.sql("INSERT INTO article_revision (" + REVISION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(revision.articleId(), revision.revision(), revision.headline(), revision.body(),
                        SqlTime.of(revision.createdAt()), revision.createdBy(), revision.claimId(),
                        notice == null ? null : notice.kind().name(), notice == null ? null : notice.full(),
                        notice == null ? null : notice.dateline(), notice == null ? null : notice.text())
                .update();
    }

    /**
     * Moves the article to its next revision, provided nobody else did first: two corrections published at once on
     * one article cannot both build on the same text.
     */
    void advance(long articleId, int expectedCurrent, Instant updatedAt) {
        // updatedAt null keeps the time readers were last told of an update (a silent fix tells them nothing).
        int rows = jdbc.sql("UPDATE article SET current_revision = ?, updated_at = COALESCE(?, updated_at) "
                        + "WHERE id = ? AND current_revision = ?")
                .params(expectedCurrent + 1, SqlTime.of(updatedAt), articleId, expectedCurrent)
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("article " + articleId + " moved past revision " + expectedCurrent);
        }
    }

    /**
     * Locks the article's row until the transaction ends; false if there is no such article. On PostgreSQL the lock is
     * FOR NO KEY UPDATE: it still keeps out every other publication, but not the key-share locks that writing a claim
     * of the article takes, which a step holding the audit chain's head may need while a publication waits for that
     * head (FOR UPDATE deadlocked there). H2 takes no key-share locks and knows only FOR UPDATE.
     */
    boolean lock(long articleId) {
        return jdbc.sql("SELECT id FROM article WHERE id = ? " + rowLock()).param(articleId).query(Long.class)
                .optional().isPresent();
    }

    private String rowLock() {
        if (rowLock == null) {
            rowLock = jdbcTemplate.execute((Connection connection) ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                            .contains("postgres") ? "FOR NO KEY UPDATE" : "FOR UPDATE");
        }
        return rowLock;
    }

    Optional<Article> find(long id) {
        return jdbc.sql(ARTICLE_SELECT + " WHERE a.id = ?").param(id)
                .query(ARTICLE).optional();
    }

    boolean existsBySource(String source) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE source = ?").param(source)
                .query(Integer.class).single() > 0;
    }

    boolean existsBySlug(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM article WHERE slug = ?").param(slug)
                .query(Integer.class).single() > 0;
    }

    List<Article> findAll() {
        return jdbc.sql(ARTICLE_SELECT + " ORDER BY a.published_at DESC, a.id DESC")
                .query(ARTICLE).list();
    }

    Optional<ArticleRevision> revision(long articleId, int revision) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM article_revision WHERE article_id = ? AND revision = ?")
                .params(articleId, revision)
                .query(REVISION).optional();
    }

    Optional<ArticleRevision> revisionForClaim(long claimId) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM article_revision WHERE claim_id = ?")
                .param(claimId)
                .query(REVISION).optional();
    }

    /** The published corrections and clarifications of an article, oldest first. */
    List<ArticleRevision> corrections(long articleId) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM article_revision "
                        + "WHERE article_id = ? AND claim_id IS NOT NULL ORDER BY revision")
                .param(articleId)
                .query(REVISION).list();
    }

    List<Article> recent(int limit) {
        return jdbc.sql(ARTICLE_SELECT + " ORDER BY COALESCE(a.updated_at, a.published_at) DESC, a.id DESC FETCH FIRST "
                + limit + " ROWS ONLY").query(ARTICLE).list();
    }

    List<Article> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ARTICLE_SELECT + " WHERE a.id IN (:ids)").param("ids", ids).query(ARTICLE).list();
    }

    /** Every published correction and clarification of every article, newest first. */
    List<ArticleRevision> correctionsNewestFirst() {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM article_revision WHERE claim_id IS NOT NULL "
                        + "ORDER BY created_at DESC, article_id DESC, revision DESC")
                .query(REVISION).list();
    }

    long countCorrectionsBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM article_revision WHERE claim_id IS NOT NULL AND created_at >= ? "
                        + "AND created_at < ?")
                .params(SqlTime.of(from), SqlTime.of(to)).query(Long.class).single();
    }

    List<ArticleRevision> correctionsBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + REVISION_COLUMNS + " FROM article_revision WHERE claim_id IS NOT NULL "
                        + "AND created_at >= ? AND created_at < ? ORDER BY created_at, article_id, revision "
                        + "FETCH FIRST " + limit + " ROWS ONLY")
                .params(SqlTime.of(from), SqlTime.of(to)).query(REVISION).list();
    }

    private static final RowMapper<Article> ARTICLE = (rs, row) -> new Article(
            rs.getLong("id"), rs.getString("source"), rs.getString("slug"), rs.getString("headline"),
            rs.getString("section"), SqlTime.read(rs, "published_at"), SqlTime.read(rs, "updated_at"),
            rs.getInt("current_revision"));

    private static final RowMapper<ArticleRevision> REVISION = (rs, row) -> {
        String kind = rs.getString("kind");
        return new ArticleRevision(rs.getLong("article_id"), rs.getInt("revision"), rs.getString("headline"),
                rs.getString("body"), SqlTime.read(rs, "created_at"), rs.getString("created_by"),
                rs.getObject("claim_id", Long.class), kind == null ? null : new CorrectionNotice(
                        CorrectionKind.valueOf(kind), rs.getString("notice_dateline"), rs.getString("notice_text")));
    };
}
