package org.factdesk.webhook.web;

import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.factdesk.shared.web.Page;
import org.factdesk.webhook.CreatedEndpoint;
import org.factdesk.webhook.DeliveryPage;
import org.factdesk.webhook.NewEndpoint;
import org.factdesk.webhook.WebhookService;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' page of webhooks: the endpoints with a form to add one (its secret shown once, on the page that
 * follows), removing one, and the newest deliveries of all of them, each with its attempts and last answer.
 */
@Page
@RequestMapping("/admin/webhooks")
class WebhookPages {

    private final WebhookService webhooks;
    private final Refusals refusals;

    WebhookPages(WebhookService webhooks, Refusals refusals) {
        this.webhooks = webhooks;
        this.refusals = refusals;
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer page, Model model) {
        DeliveryPage log = webhooks.deliveries(null, page == null ? 0 : page, 50);
        model.addAttribute("active", "webhooks");
        model.addAttribute("endpoints", webhooks.endpoints());
        model.addAttribute("log", log);
        return "admin-webhooks";
    }

    @PostMapping
    String create(@RequestParam(required = false) String url, @RequestParam(required = false) String description,
            Authentication me, RedirectAttributes flash) {
        try {
            CreatedEndpoint created = webhooks.create(new NewEndpoint(url, description, null), me.getName());
            flash.addFlashAttribute("success", "FactDesk now posts published revisions to "
                    + created.endpoint().url() + ".");
            flash.addFlashAttribute("secret", created.secret());
        } catch (RuntimeException e) {
            refuse(e, flash);
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes flash) {
        try {
            webhooks.remove(id);
            flash.addFlashAttribute("success", "Endpoint " + id + " removed; its log stays below.");
        } catch (RuntimeException e) {
            refuse(e, flash);
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/deliveries/{deliveryId}/retry")
    String retry(@PathVariable String deliveryId, RedirectAttributes flash) {
        try {
            webhooks.retry(deliveryId);
            flash.addFlashAttribute("success", "Delivery " + deliveryId + " will be sent again in a moment.");
        } catch (RuntimeException e) {
            refuse(e, flash);
        }
        return "redirect:/admin/webhooks";
    }

    private void refuse(RuntimeException e, RedirectAttributes flash) {
        Refusal refusal = refusals.of(e);
        if (refusal.isFault() || refusal.status().value() == 403) {
            throw e;
        }
        flash.addFlashAttribute("problem", refusal.message());
    }
}
