/**
 * Webhooks for the newsroom's CMS: every published revision is POSTed as JSON to each endpoint an admin registered,
 * signed with HMAC-SHA256 over the timestamp and the body, and retried with growing waits until the CMS answers 2xx.
 * Deliveries are rows of FactDesk's outbox, written in the publication's own transaction and sent afterwards by a
 * scheduled sender on any node; admins read each attempt in the delivery log ({@code /api/webhooks},
 * {@code /admin/webhooks}).
 */
package org.factdesk.webhook;
