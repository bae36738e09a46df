package org.factdesk.webhook;

/**
 * What an admin sends to register an endpoint: its URL (http or https), an optional description, and optionally
 * the secret to sign with (FactDesk makes one when none is given).
 */
public record NewEndpoint(String url, String description, String secret) {
}
