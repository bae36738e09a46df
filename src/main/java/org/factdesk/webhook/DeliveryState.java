package org.factdesk.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** Taken by one node, which is posting it now. */
    SENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Given up after its last attempt; an admin can send it again. */
    FAILED,
    /** Its endpoint was removed before it was delivered. */
    CANCELLED
}
