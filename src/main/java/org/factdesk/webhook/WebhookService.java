package org.factdesk.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.factdesk.identity.Roles;
import org.factdesk.shared.InputLimits;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do with webhooks: register an endpoint (http or https only), list and remove endpoints, read the
 * delivery log with each attempt, and send a failed delivery again. Admins only, whichever way they come in.
 */
@Service
@Roles.Admins
public class WebhookService {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_PAGE = 200;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookService(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers an endpoint; every revision published from now on is posted to it. */
    @Transactional
    public CreatedEndpoint create(NewEndpoint request, String admin) {
        if (request == null) {
            throw ProblemException.badRequest("webhook-url-invalid", "Send {\"url\": \"https://…\"} to register an "
                    + "endpoint.");
        }
        String url = checkedUrl(request.url(), settings.denyPrivateNetworks());
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        InputLimits.check("description", description, MAX_DESCRIPTION);
        String secret = request.secret() == null || request.secret().isBlank() ? newSecret() : request.secret();
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET
                || !secret.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemException.badRequest("webhook-secret-invalid", "A secret is " + MIN_SECRET + " to "
                    + MAX_SECRET + " printable ASCII characters without spaces; leave it out and FactDesk makes one.");
        }
        long id = endpoints.add(url, description, secret, admin, clock.instant());
        return new CreatedEndpoint(endpoints.find(id).orElseThrow(), secret);
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return endpoints.all();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint endpoint(long id) {
        return endpoints.find(id).orElseThrow(() -> unknownEndpoint(id));
    }

    /** Stops posting to the endpoint; its undelivered deliveries are cancelled, its log kept. */
    @Transactional
    public void remove(long id) {
        WebhookEndpoint endpoint = endpoint(id);
        if (!endpoints.remove(id, clock.instant())) {
            throw ProblemException.conflict("webhook-removed", "Endpoint " + id + " (" + endpoint.url()
                    + ") was removed already.");
        }
        deliveries.cancelOpen(id);
    }

    /** A page of the log, newest first: one endpoint's, or every endpoint's when {@code endpointId} is null. */
    @Transactional(readOnly = true)
    public DeliveryPage deliveries(Long endpointId, Integer page, Integer size) {
        if (endpointId != null) {
            endpoint(endpointId);
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > MAX_PAGE) {
            throw ProblemException.badRequest("invalid-page", "A page is 0 or more and its size 1 to " + MAX_PAGE
                    + ".");
        }
        long total = deliveries.count(endpointId);
        return new DeliveryPage(deliveries.page(endpointId, Math.multiplyExact(p, s), s), total, p, s);
    }

    /** One delivery with every attempt. */
    @Transactional(readOnly = true)
    public WebhookDelivery delivery(String deliveryId) {
        return deliveries.find(deliveryId).orElseThrow(() -> ProblemException.notFound("webhook-delivery-not-found",
                "There is no webhook delivery " + deliveryId + "."));
    }

    /** Sends a delivery that was given up again, with a fresh set of attempts; 409 unless it had failed. */
    @Transactional
    public WebhookDelivery retry(String deliveryId) {
        WebhookDelivery delivery = delivery(deliveryId);
        if (!endpoint(delivery.endpointId()).active()) {
            throw ProblemException.conflict("webhook-removed", "Delivery " + deliveryId + "'s endpoint was removed.");
        }
        if (!deliveries.retry(deliveryId, clock.instant())) {
            throw ProblemException.conflict("webhook-delivery-not-failed", "Delivery " + deliveryId + " is "
                    + delivery.state() + "; only a FAILED delivery is sent again.");
        }
        return delivery(deliveryId);
    }

    /**
     * The URL as FactDesk stores it, or a 400 that says what is wrong: absolute http or https, a host, no user
     * name or password in it, no fragment; with {@code denyPrivate}, a host that resolves to no loopback,
     * link-local, private or wildcard address.
     */
    static String checkedUrl(String url, boolean denyPrivate) {
        if (url == null || url.isBlank()) {
            throw invalidUrl("Give the endpoint's URL, such as https://cms.example.com/factdesk-hook.");
        }
        String value = url.strip();
        InputLimits.check("url", value, MAX_URL);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalidUrl("'" + value + "' is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl("FactDesk posts to http and https URLs only, not '" + value + "'.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalidUrl("'" + value + "' has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalidUrl("Leave the user name and password out of the URL; the signature proves who sends.");
        }
        if (uri.getRawFragment() != null) {
            throw invalidUrl("A URL FactDesk posts to has no #fragment.");
        }
        if (denyPrivate && isPrivate(uri.getHost())) {
            throw ProblemException.badRequest("webhook-url-not-allowed", "'" + uri.getHost() + "' is a loopback, "
                    + "link-local or private address, which this FactDesk does not post to "
                    + "(factdesk.webhooks.deny-private-networks).");
        }
        return value;
    }

    /** Whether any address of the host is one FactDesk's own network would answer from the inside. */
    static boolean isPrivate(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()
                        || (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            throw ProblemException.badRequest("webhook-url-invalid", "The host '" + host + "' is not known.");
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ProblemException invalidUrl(String message) {
        return ProblemException.badRequest("webhook-url-invalid", message);
    }

    private static ProblemException unknownEndpoint(long id) {
        return ProblemException.notFound("webhook-not-found", "There is no webhook endpoint " + id + ".");
    }
}
