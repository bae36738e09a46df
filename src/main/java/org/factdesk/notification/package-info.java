/**
 * Email from FactDesk: to whoever a review task is assigned or escalated to, to a reader whose report led to a
 * published correction, and a daily digest for the standards editor. {@link org.factdesk.notification.Notifications}
 * is the entry point, one method per kind of mail; each mail is a row of FactDesk's outbox, written in the
 * transaction of the step it reports, and sent later by a scheduled sender with retries, so an SMTP server that is
 * down or slow never fails or delays a review step. Off unless {@code spring.mail.host} is set.
 */
package org.factdesk.notification;
