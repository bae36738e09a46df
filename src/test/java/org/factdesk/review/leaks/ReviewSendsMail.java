package org.factdesk.review.leaks;

import org.factdesk.notification.Notifications;

/** A leak for ArchitectureLeaksTest: review mailing people itself instead of announcing an event. */
class ReviewSendsMail {

    boolean mailing(Notifications notifications) {
        return notifications.enabled();
    }
}
