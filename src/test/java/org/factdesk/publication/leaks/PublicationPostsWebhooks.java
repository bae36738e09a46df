package org.factdesk.publication.leaks;

import org.factdesk.webhook.WebhookService;

/** A leak for ArchitectureLeaksTest: publication reaching into the webhooks that listen to it. */
class PublicationPostsWebhooks {

    Object endpoints(WebhookService webhooks) {
        return webhooks.endpoints();
    }
}
