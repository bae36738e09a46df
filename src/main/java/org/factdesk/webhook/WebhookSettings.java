package org.factdesk.webhook;

import java.time.Duration;

import org.factdesk.shared.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FactDesk's webhook settings under {@code factdesk.webhooks.*}.
 *
 * @param publicUrl           FactDesk's address as the CMS reaches it, for the links in a delivery
 * @param maxAttempts         tries before a delivery is given up (it stays FAILED in the log, and can be sent again)
 * @param retryAfter          the wait after the first failure, doubled after each further one
 * @param retryAtMost         the longest wait between two tries
 * @param connectTimeout      how long to wait for the CMS to accept the connection
 * @param timeout             how long to wait for its answer
 * @param leaseTime           how long a node keeps a delivery it took; one that died sending it leaves it to others
 * @param denyPrivateNetworks refuse endpoints (and deliveries) whose host is a loopback, link-local or private
 *                            address, for a FactDesk whose admins should not reach the inside of its network
 */
@ConfigurationProperties("factdesk.webhooks")
record WebhookSettings(String publicUrl, Integer maxAttempts, Duration retryAfter, Duration retryAtMost,
        Duration connectTimeout, Duration timeout, Duration leaseTime, Boolean denyPrivateNetworks) {

    WebhookSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
        retryAtMost = retryAtMost == null ? Duration.ofHours(1) : retryAtMost;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        leaseTime = leaseTime == null ? Duration.ofMinutes(2) : leaseTime;
        denyPrivateNetworks = denyPrivateNetworks != null && denyPrivateNetworks;
    }

    Backoff backoff() {
        return new Backoff(maxAttempts, retryAfter, retryAtMost);
    }
}
