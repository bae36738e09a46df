package org.factdesk.webhook;

import java.net.URI;
import java.util.List;

import org.factdesk.shared.PageLinks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins' webhook API: endpoints (register, list, remove) and the delivery log, a page at a time with
 * {@code X-Total-Count} and {@code Link}, and one delivery with its attempts.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<WebhookEndpoint> endpoints() {
        return webhooks.endpoints();
    }

    @PostMapping
    ResponseEntity<CreatedEndpoint> create(@RequestBody(required = false) NewEndpoint request, Authentication caller) {
        CreatedEndpoint created = webhooks.create(request, caller.getName());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.endpoint().id())).body(created);
    }

    @GetMapping("/{id}")
    WebhookEndpoint endpoint(@PathVariable long id) {
        return webhooks.endpoint(id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        webhooks.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    ResponseEntity<List<WebhookDelivery>> deliveries(@PathVariable long id,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return page(webhooks.deliveries(id, page, size));
    }

    @GetMapping("/deliveries")
    ResponseEntity<List<WebhookDelivery>> allDeliveries(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return page(webhooks.deliveries(null, page, size));
    }

    @GetMapping("/deliveries/{deliveryId}")
    WebhookDelivery delivery(@PathVariable String deliveryId) {
        return webhooks.delivery(deliveryId);
    }

    @PostMapping("/deliveries/{deliveryId}/retry")
    WebhookDelivery retry(@PathVariable String deliveryId) {
        return webhooks.retry(deliveryId);
    }

    private static ResponseEntity<List<WebhookDelivery>> page(DeliveryPage page) {
        return ResponseEntity.ok().headers(PageLinks.of(page.page(), page.lastPage(), page.total()))
                .body(page.deliveries());
    }
}
