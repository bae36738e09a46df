package org.factdesk.detection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.factdesk.article.TextAnchor;
import org.factdesk.claim.Category;
import org.factdesk.shared.SqlTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the suggestions of articles. */
@Repository
class SuggestionRepository {

    private static final String COLUMNS = "id, article_id, revision, detector, category, start_index, end_index, "
            + "quote, prefix, suffix, replacement, explanation, confidence, state, claim_id, created_at, decided_by, "
            + "decided_at";

    private static final RowMapper<StoredSuggestion> ROW = (rs, n) -> new StoredSuggestion(
            rs.getLong("id"), rs.getLong("article_id"), rs.getInt("revision"), rs.getString("detector"),
            Category.valueOf(rs.getString("category")),
            new TextAnchor(rs.getString("quote"), rs.getString("prefix"), rs.getString("suffix"),
                    rs.getInt("start_index"), rs.getInt("end_index")),
            rs.getString("replacement"), rs.getString("explanation"), rs.getInt("confidence") / 1000.0,
            StoredSuggestion.State.valueOf(rs.getString("state")),
            rs.getObject("claim_id") == null ? null : rs.getLong("claim_id"),
            SqlTime.read(rs, "created_at"), rs.getString("decided_by"), SqlTime.read(rs, "decided_at"));

    private final JdbcClient jdbc;

    SuggestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long articleId, int revision, Suggestion suggestion, TextAnchor anchor, Instant now) {
        jdbc.sql("INSERT INTO suggestion (article_id, revision, detector, category, start_index, end_index, quote, "
                        + "prefix, suffix, replacement, explanation, confidence, state, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)")
                .params(articleId, revision, suggestion.detector(), suggestion.category().name(), anchor.start(),
                        anchor.end(), anchor.exact(), anchor.prefix(), anchor.suffix(), suggestion.suggestion(),
                        truncate(suggestion.explanation()), (int) Math.round(suggestion.confidence() * 1000),
                        SqlTime.of(now))
                .update();
    }

    /** Removes the open suggestions of an article before a rescan; decided ones stay as the record. */
    /** Retires an open suggestion the corrected text has outgrown. */
    void markOutdated(long suggestionId) {
        jdbc.sql("UPDATE suggestion SET state = 'OUTDATED' WHERE id = ? AND state = 'OPEN'").param(suggestionId)
                .update();
    }

    List<StoredSuggestion> forArticle(long articleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM suggestion WHERE article_id = ? ORDER BY start_index, id")
                .param(articleId).query(ROW).list();
    }

    Optional<StoredSuggestion> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM suggestion WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Moves an open suggestion to its decision; false when someone decided it first. */
    boolean decide(long id, StoredSuggestion.State state, Long claimId, String by, Instant at) {
        return jdbc.sql("UPDATE suggestion SET state = ?, claim_id = ?, decided_by = ?, decided_at = ? "
                        + "WHERE id = ? AND state = 'OPEN'")
                .params(state.name(), claimId, by, SqlTime.of(at), id)
                .update() == 1;
    }

    private static String truncate(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
