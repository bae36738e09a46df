package org.factdesk.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admins' view of the mail outbox: what was sent, what waits for its next try, and what was given up. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/mails")
    List<QueuedMail> mails(@RequestParam(required = false) Integer size) {
        return notifications.outbox(size);
    }
}
