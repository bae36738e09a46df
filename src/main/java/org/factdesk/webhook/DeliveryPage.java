package org.factdesk.webhook;

import java.util.List;

/** One page of the delivery log, newest first, with the total and the page's place among the others. */
public record DeliveryPage(List<WebhookDelivery> deliveries, long total, int page, int size) {

    public int lastPage() {
        return total == 0 ? 0 : (int) ((total - 1) / size);
    }
}
