/**
 * Claims: flagging a quote on an article's current text, and the claim's state as it moves through review.
 * Flagging publishes {@link org.factdesk.claim.ClaimFlagged}; every later step publishes a {@link org.factdesk.claim.ClaimActivity}.
 */
package org.factdesk.claim;
