package org.factdesk.notification.web;

import org.factdesk.notification.Notifications;
import org.factdesk.shared.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The admins' page of the mail outbox: each mail FactDesk queued, newest first, with whom it is for, how its
 * delivery stands, and why the last try failed; mail is news about the desk's work, so a failure shows here rather
 * than in a review step.
 */
@Page
@RequestMapping("/admin/mails")
class MailPages {

    /** How many mails the page lists. */
    static final int SHOWN = 100;

    private final Notifications notifications;

    MailPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("active", "mails");
        model.addAttribute("enabled", notifications.enabled());
        model.addAttribute("mails", notifications.outbox(SHOWN));
        return "admin-mails";
    }
}
