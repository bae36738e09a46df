package org.factdesk.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.factdesk.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due mails, on every node, outside any step's transaction: takes each with a lease, resolves
 * its recipients in the user directory, hands it to the SMTP server, and records the outcome. A failure waits
 * longer before each new try ({@link NotificationSettings#backoff()}); after the last try the mail stays FAILED with
 * its error. A recipient without a deliverable address fails at once: trying again would not give them one.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** Mails one round takes; the next round, a moment later, takes the rest. */
    static final int BATCH = 20;
    /** The most members of one group a mail goes to. */
    static final int MAX_GROUP = 200;

    private final MailOutbox outbox;
    private final ObjectProvider<MailSender> mailSender;
    private final UserDirectory directory;
    private final NotificationSettings settings;
    private final Clock clock;

    MailDispatcher(MailOutbox outbox, ObjectProvider<MailSender> mailSender, UserDirectory directory,
            NotificationSettings settings, Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${factdesk.notifications.poll-interval:PT5S}",
            fixedDelayString = "${factdesk.notifications.poll-interval:PT5S}")
    void sendDueMails() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next round tries again.
            log.warn("Sending queued mail failed: {}", e.toString());
        }
    }

    /** Sends what is due now; the number of mails the SMTP server accepted. */
    int sendDue() {
        MailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (long id : outbox.due(clock.instant(), BATCH)) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Optional<QueuedMail> taken = outbox.take(id, token, now, now.plus(settings.leaseTime()));
            if (taken.isPresent() && send(sender, taken.get(), token, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(MailSender sender, QueuedMail mail, String token, Instant attemptedAt) {
        List<String> to = recipients(mail);
        if (to.isEmpty()) {
            outbox.failed(mail.id(), token, "no deliverable address for " + describe(mail), null);
            log.warn("Mail {} ({}) has no deliverable address for {}", mail.id(), mail.kind(), describe(mail));
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(to.toArray(String[]::new));
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            sender.send(message);
            outbox.sent(mail.id(), token, clock.instant());
            return true;
        } catch (MailException | IllegalArgumentException e) {
            boolean last = settings.backoff().exhausted(mail.attempts());
            // The wait counts from the attempt's start, as the outbox records it.
            Instant retryAt = last ? null : attemptedAt.plus(settings.backoff().after(mail.attempts()));
            outbox.failed(mail.id(), token, e.getMessage() == null ? e.toString() : e.getMessage(), retryAt);
            log.warn("Mail {} ({}) attempt {} failed{}: {}", mail.id(), mail.kind(), mail.attempts(),
                    last ? ", giving up" : ", trying again at " + retryAt, e.getMessage());
            return false;
        }
    }

    private List<String> recipients(QueuedMail mail) {
        if (mail.toAddress() != null) {
            return List.of(mail.toAddress());
        }
        if (mail.toUser() != null) {
            return directory.emailOf(mail.toUser()).map(List::of).orElse(List.of());
        }
        return directory.emailsOfGroup(mail.toGroup(), MAX_GROUP);
    }

    private static String describe(QueuedMail mail) {
        return mail.toUser() != null ? "user " + mail.toUser() : "group " + mail.toGroup();
    }
}
