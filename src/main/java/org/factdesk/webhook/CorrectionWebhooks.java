package org.factdesk.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.publication.CorrectionPublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a delivery to every active endpoint for each published revision, in the publication's own transaction:
 * a revision that is published always has its deliveries, and one rolled back has none. Nothing is sent here; the
 * publish job never waits on a CMS.
 */
@Component
class CorrectionWebhooks {

    static final String EVENT = "correction.published";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final ArticleService articles;
    private final WebhookSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    CorrectionWebhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, ArticleService articles,
            WebhookSettings settings, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.articles = articles;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(CorrectionPublished published) {
        List<WebhookEndpoints.Target> targets = endpoints.active();
        if (targets.isEmpty()) {
            return;
        }
        String payload = payload(published);
        Instant now = clock.instant();
        for (WebhookEndpoints.Target target : targets) {
            deliveries.add(UUID.randomUUID().toString(), target.id(), EVENT, published.claimId(),
                    published.articleId(), published.revision(), payload, now);
        }
    }

    /** The JSON body every endpoint gets for this revision; documented in the README. */
    String payload(CorrectionPublished published) {
        ArticleRevision revision = articles.revision(published.articleId(), published.revision());
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("kind", published.notice().kind().name());
        notice.put("dateline", published.notice().dateline());
        notice.put("text", published.notice().text());
        notice.put("full", published.notice().full());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("public", settings.publicUrl() + "/public/articles/" + published.articleId());
        links.put("revision", settings.publicUrl() + "/api/articles/" + published.articleId() + "/revisions/"
                + published.revision());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", EVENT);
        body.put("articleId", published.articleId());
        body.put("revision", published.revision());
        body.put("claimId", published.claimId());
        body.put("kind", published.notice().kind().name());
        // A silent fix changes the text with no notice for readers; an editor's note or a retraction changes none.
        body.put("changesText", published.notice().kind().changesText());
        body.put("publicNotice", published.notice().kind().hasPublicNotice());
        body.put("publishedAt", published.at().toString());
        body.put("headline", revision.headline());
        body.put("notice", notice);
        body.put("before", published.before());
        body.put("after", published.after());
        body.put("body", revision.body());
        body.put("links", links);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and numbers is always JSON", e);
        }
    }
}
