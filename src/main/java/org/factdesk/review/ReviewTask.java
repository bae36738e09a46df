package org.factdesk.review;

import java.time.Instant;

/** A review task as FactDesk's task API shows it. */
public record ReviewTask(String id, String name, String taskDefinitionKey, long claimId, long articleId,
        String assignee, Instant created, Instant due, int priority) {
}
