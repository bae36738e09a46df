package org.factdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.review.ReviewBacklog;
import org.factdesk.shared.FactDeskProperties;
import org.factdesk.shared.NewsroomTime;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The standards editor's morning mail: how many review tasks are open and overdue (the longest overdue listed), and
 * what was published the day before, each list cut at {@value #LISTED} lines. Every node wakes at
 * {@code factdesk.notifications.digest-cron} (newsroom time); the day's key lets one of them queue it.
 */
@Component
class DailyDigest {

    /** Lines of each list; the digest says how many more there are. */
    static final int LISTED = 20;

    private final Notifications notifications;
    private final ReviewBacklog backlog;
    private final ArticleService articles;
    private final NotificationSettings settings;
    private final NewsroomTime newsroomTime;
    private final ZoneId zone;
    private final Clock clock;

    DailyDigest(Notifications notifications, ReviewBacklog backlog, ArticleService articles,
            NotificationSettings settings, NewsroomTime newsroomTime, FactDeskProperties properties, Clock clock) {
        this.notifications = notifications;
        this.backlog = backlog;
        this.articles = articles;
        this.settings = settings;
        this.newsroomTime = newsroomTime;
        this.zone = properties.newsroomZone();
        this.clock = clock;
    }

    @Scheduled(cron = "${factdesk.notifications.digest-cron:0 0 7 * * *}", zone = "${factdesk.newsroom-zone:Europe/London}")
    void onSchedule() {
        queue(clock.instant().atZone(zone).toLocalDate());
    }

    /** Queues the digest for the morning of {@code day}, unless it was queued already; whether this call did. */
    boolean queue(LocalDate day) {
        if (!notifications.enabled() || settings.digestTo() == null) {
            return false;
        }
        return notifications.digestOnce("digest:" + day, "[FactDesk] Daily digest, " + day, body(day));
    }

    String body(LocalDate day) {
        StringBuilder text = new StringBuilder();
        ReviewBacklog.Summary desk = backlog.summary(LISTED);
        text.append("Open review tasks: ").append(desk.open()).append('\n');
        text.append("Overdue: ").append(desk.overdue()).append('\n');
        Map<Long, Article> overdueArticles = articles.all(desk.longestOverdue().stream()
                .map(ReviewBacklog.OverdueTask::articleId).distinct().toList());
        for (ReviewBacklog.OverdueTask task : desk.longestOverdue()) {
            text.append("  - ").append(task.taskName()).append(", claim ").append(task.claimId()).append(" on \"")
                    .append(headline(overdueArticles, task.articleId())).append("\", due ")
                    .append(newsroomTime.format(task.due())).append(", ")
                    .append(task.holder() == null ? "unclaimed (" + task.workGroup() + ")" : "held by " + task.holder())
                    .append('\n');
        }
        more(text, desk.overdue(), desk.longestOverdue().size());
        Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = day.atStartOfDay(zone).toInstant();
        long published = articles.countCorrectionsBetween(from, to);
        List<ArticleRevision> listed = articles.correctionsBetween(from, to, LISTED);
        text.append("\nPublished on ").append(day.minusDays(1)).append(": ").append(published).append('\n');
        for (ArticleRevision revision : listed) {
            text.append("  - ").append(revision.kind() == null ? "Update" : revision.kind().label())
                    .append(" to \"").append(revision.headline()).append("\" (revision ").append(revision.revision())
                    .append("), ").append(newsroomTime.format(revision.createdAt())).append(": ")
                    .append(settings.link("/public/articles/" + revision.articleId())).append('\n');
        }
        more(text, published, listed.size());
        text.append("\nThe queue: ").append(settings.link("/tasks")).append('\n');
        return text.toString();
    }

    private static void more(StringBuilder text, long total, int listed) {
        if (total > listed) {
            text.append("  … and ").append(total - listed).append(" more\n");
        }
    }

    private static String headline(Map<Long, Article> articles, long id) {
        Article article = articles.get(id);
        return article == null ? "article " + id : article.headline();
    }
}
