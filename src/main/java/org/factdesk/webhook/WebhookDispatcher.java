package org.factdesk.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Posts due deliveries, on every node, outside any step's transaction: takes each with a lease, signs it
 * ({@link WebhookSignature}), posts it with a connect and answer timeout, and logs the attempt. A 2xx answer
 * delivers it; anything else, or no answer in time, tries again after a wait that doubles each time
 * ({@link WebhookSettings#backoff()}), until the last attempt leaves it FAILED. Redirects are not followed and the
 * answer's body is not read, so an endpoint cannot lead FactDesk elsewhere or show it anything.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Deliveries one round takes; the next round takes the rest. */
    static final int BATCH = 20;

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSettings settings,
            Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(initialDelayString = "${factdesk.webhooks.poll-interval:PT5S}",
            fixedDelayString = "${factdesk.webhooks.poll-interval:PT5S}")
    void sendDueDeliveries() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending webhook deliveries failed: {}", e.toString());
        }
    }

    /** Posts what is due now; how many deliveries were delivered. */
    int sendDue() {
        int delivered = 0;
        for (long id : deliveries.due(clock.instant(), BATCH)) {
            String token = UUID.randomUUID().toString();
            Instant now = clock.instant();
            Optional<WebhookDeliveries.Taken> taken = deliveries.take(id, token, now, now.plus(settings.leaseTime()));
            if (taken.isPresent() && post(taken.get(), token, now)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean post(WebhookDeliveries.Taken delivery, String token, Instant at) {
        Optional<WebhookEndpoints.Target> target = endpoints.target(delivery.endpointId()).filter(t -> t.active());
        if (target.isEmpty()) {
            deliveries.attempted(delivery, token, DeliveryState.CANCELLED, at, null, "the endpoint was removed", 0,
                    null);
            return false;
        }
        Integer status = null;
        String error;
        long started = System.nanoTime();
        try {
            URI uri = URI.create(WebhookService.checkedUrl(target.get().url(), settings.denyPrivateNetworks()));
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "FactDesk-Webhooks/1")
                    .header(WebhookSignature.EVENT_HEADER, delivery.event())
                    .header(WebhookSignature.DELIVERY_HEADER, delivery.deliveryId())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(target.get().secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            error = status >= 200 && status < 300 ? null : "the endpoint answered " + status;
        } catch (HttpTimeoutException e) {
            error = "no answer within " + settings.timeout().toSeconds() + " s";
        } catch (IOException | RuntimeException e) {
            error = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted while posting";
        }
        long took = (System.nanoTime() - started) / 1_000_000;
        if (error == null) {
            deliveries.attempted(delivery, token, DeliveryState.DELIVERED, at, status, null, took, null);
            return true;
        }
        boolean last = settings.backoff().exhausted(delivery.attempt());
        // The wait counts from the attempt's start, as the log records it.
        Instant retryAt = last ? null : at.plus(settings.backoff().after(delivery.attempt()));
        deliveries.attempted(delivery, token, last ? DeliveryState.FAILED : DeliveryState.PENDING, at, status, error,
                took, retryAt);
        log.warn("Webhook delivery {} to endpoint {} attempt {} failed{}: {}", delivery.deliveryId(),
                delivery.endpointId(), delivery.attempt(), last ? ", giving up" : ", trying again at " + retryAt, error);
        return false;
    }
}
