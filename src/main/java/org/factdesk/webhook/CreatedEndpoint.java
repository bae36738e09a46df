package org.factdesk.webhook;

/**
 * A newly registered endpoint with its signing secret: the only answer that ever shows the whole secret, so the
 * CMS's administrator must copy it now.
 */
public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {
}
