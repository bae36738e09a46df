package org.factdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.factdesk.article.ArticleService;
import org.factdesk.identity.Roles;
import org.factdesk.shared.NewsroomTime;
import org.factdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Service;

/**
 * The mails FactDesk sends, one method per kind. Each queues its mail in FactDesk's outbox within the caller's
 * transaction, if there is one (so a step that rolls back mails nobody), and returns at once; the outbox's sender delivers it later,
 * with retries. Without an SMTP server ({@code spring.mail.host} unset) each is a no-op and nothing is queued, so a
 * FactDesk that starts mailing later does not send a backlog of stale news.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    static final int MAX_OUTBOX_PAGE = 500;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final MailOutbox outbox;
    private final ObjectProvider<MailSender> mailSender;
    private final ArticleService articles;
    private final NotificationSettings settings;
    private final NewsroomTime newsroomTime;
    private final Clock clock;

    Notifications(MailOutbox outbox, ObjectProvider<MailSender> mailSender, ArticleService articles,
            NotificationSettings settings, NewsroomTime newsroomTime, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.articles = articles;
        this.settings = settings;
        this.newsroomTime = newsroomTime;
        this.clock = clock;
    }

    /** Whether FactDesk mails at all: an SMTP server is configured. */
    public boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Tells {@code user} that the review task {@code taskName} of a claim is now theirs, given by {@code givenBy}
     * (null: FactDesk itself, as when a returned correction goes back to its verifier).
     */
    public void taskAssigned(String user, String taskId, String taskName, long claimId, long articleId,
            String givenBy, Instant due) {
        if (!enabled()) {
            return;
        }
        String headline = articles.get(articleId).headline();
        String body = "'" + taskName + "' for claim " + claimId + " on \"" + headline + "\" is now yours"
                + (givenBy == null ? "." : ", given to you by " + givenBy + ".") + "\n"
                + (due == null ? "" : "It is due by " + newsroomTime.format(due) + ".\n")
                + "\nOpen it: " + settings.link("/tasks/" + taskId) + "\n";
        outbox.add(MailKind.ASSIGNED, Recipient.user(user), "[FactDesk] " + taskName + ": " + headline, body,
                clock.instant());
    }

    /**
     * Reminds {@code user}, who holds the review task, that it is due at {@code due}. For the deadlines'
     * {@code ReviewReminded}.
     */
    public void taskReminded(String user, String taskId, String taskName, long claimId, long articleId, Instant due) {
        remind(Recipient.user(user), "is yours", taskId, taskName, claimId, articleId, due);
    }

    /** Reminds every member of {@code group} of a review task nobody holds yet, due at {@code due}. */
    public void groupReminded(String group, String taskId, String taskName, long claimId, long articleId,
            Instant due) {
        remind(Recipient.group(group), "waits for " + group, taskId, taskName, claimId, articleId, due);
    }

    private void remind(Recipient to, String whose, String taskId, String taskName, long claimId, long articleId,
            Instant due) {
        if (!enabled()) {
            return;
        }
        String headline = articles.get(articleId).headline();
        String body = "A reminder: '" + taskName + "' for claim " + claimId + " on \"" + headline + "\" " + whose
                + (due == null ? "." : " and is due by " + newsroomTime.format(due) + ".") + "\n"
                + "\nOpen it: " + settings.link("/tasks/" + taskId) + "\n";
        outbox.add(MailKind.REMINDED, to, "[FactDesk] Reminder: " + taskName + ": " + headline, body,
                clock.instant());
    }

    /**
     * Tells every member of {@code group} (the desk leads) that the desk {@code desk} has {@code overdue} overdue
     * review tasks, more than its threshold. For the deadlines' {@code BacklogAlerted}.
     */
    public void backlogAlerted(String group, String desk, long overdue, int threshold) {
        if (!enabled()) {
            return;
        }
        String body = "The " + desk + " desk has " + overdue + " overdue review tasks, more than its threshold of "
                + threshold + ".\n\nThe queue: " + settings.link("/tasks?tab=overdue") + "\n";
        outbox.add(MailKind.BACKLOG, Recipient.group(group), "[FactDesk] Backlog: " + overdue + " overdue for "
                + desk, body, clock.instant());
    }

    /**
     * Tells every member of {@code group} that a review task was escalated to them: it waited past its time with
     * the group that had it. For the escalation timers' {@code ReviewEscalated}.
     */
    public void taskEscalated(String group, String taskId, String taskName, long claimId, long articleId,
            String reason) {
        if (!enabled()) {
            return;
        }
        String headline = articles.get(articleId).headline();
        String body = "'" + taskName + "' for claim " + claimId + " on \"" + headline + "\" was escalated to "
                + group + ".\n" + (reason == null || reason.isBlank() ? "" : reason.strip() + "\n")
                + "\nOpen it: " + settings.link("/tasks/" + taskId) + "\n";
        outbox.add(MailKind.ESCALATED, Recipient.group(group), "[FactDesk] Escalated: " + taskName + ": " + headline,
                body, clock.instant());
    }

    /**
     * Thanks a reader whose report led to a published correction, with a link to it. Only for a reader who agreed to
     * be told; for the reader reports' {@code ReaderReportResolved}. An address that is not one is refused (400).
     */
    public void reportResolved(String email, String articleTitle, String correctionLink) {
        String address = email == null ? "" : email.strip();
        if (!ADDRESS.matcher(address).matches() || address.length() > 320) {
            throw ProblemException.badRequest("invalid-email", "'" + address + "' is not an email address FactDesk "
                    + "can write to: give one such as reader@example.com.");
        }
        if (!enabled()) {
            return;
        }
        String body = "Thank you for writing to us about \"" + oneLine(articleTitle) + "\".\n\n"
                + "Your report led to a correction, which is now published with the article:\n" + correctionLink
                + "\n";
        outbox.add(MailKind.REPORT_RESOLVED, Recipient.address(address),
                "Your report led to a correction: " + oneLine(articleTitle), body, clock.instant());
    }

    /** The newest {@code size} mails of the outbox, newest first, with their state and last error: for admins. */
    @Roles.Admins
    public List<QueuedMail> outbox(Integer size) {
        int limit = size == null ? 50 : size;
        if (limit < 1 || limit > MAX_OUTBOX_PAGE) {
            throw ProblemException.badRequest("invalid-page", "Ask for 1 to " + MAX_OUTBOX_PAGE + " mails.");
        }
        return outbox.newest(limit);
    }

    /**
     * Queues a digest once for its key, however many nodes ask; false when it was queued already or mail is off.
     */
    boolean digestOnce(String key, String subject, String body) {
        if (!enabled() || settings.digestTo() == null) {
            return false;
        }
        boolean queued = outbox.addOnce(MailKind.DIGEST, Recipient.addressOrGroup(settings.digestTo()), subject, body,
                key, clock.instant());
        if (!queued) {
            log.debug("Digest {} was queued by another node", key);
        }
        return queued;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
