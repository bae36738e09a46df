package org.factdesk.notification;

import java.time.Duration;

import org.factdesk.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FactDesk's mail settings under {@code factdesk.notifications.*} (the SMTP server itself is Spring's
 * {@code spring.mail.*}).
 *
 * @param from          the sender's address
 * @param digestTo      where the daily digest goes: an address, or the id of a group whose members all get it; none
 *                      sends no digest
 * @param publicUrl     FactDesk's address as the newsroom reaches it, for the links in mails
 * @param maxAttempts   tries before a mail is given up (and stays FAILED in the outbox)
 * @param retryAfter    the wait after the first failure, doubled after each further one
 * @param retryAtMost   the longest wait between two tries
 * @param leaseTime     how long a node keeps a mail it took; a node that died sending it leaves it to others after this
 */
@ConfigurationProperties("factdesk.notifications")
record NotificationSettings(String from, String digestTo, String publicUrl, Integer maxAttempts, Duration retryAfter,
        Duration retryAtMost, Duration leaseTime) {

    NotificationSettings {
        from = from == null || from.isBlank() ? "factdesk@localhost" : from.trim();
        digestTo = digestTo == null || digestTo.isBlank() ? null : digestTo.trim();
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofMinutes(1) : retryAfter;
        retryAtMost = retryAtMost == null ? Duration.ofHours(1) : retryAtMost;
        leaseTime = leaseTime == null ? Duration.ofMinutes(2) : leaseTime;
    }

    Backoff backoff() {
        return new Backoff(maxAttempts, retryAfter, retryAtMost);
    }

    String link(String path) {
        return publicUrl + path;
    }
}
