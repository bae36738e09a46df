/** The admins' webhook page: endpoints, registering and removing them, and the delivery log with each attempt. */
package org.factdesk.webhook.web;
