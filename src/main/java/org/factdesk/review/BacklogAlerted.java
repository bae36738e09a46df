package org.factdesk.review;

import java.time.Instant;

/**
 * A desk's overdue open tasks passed the backlog threshold. Raised once per crossing (again only after the count
 * has fallen back to the threshold or below), by whichever node's check saw it first; the audit log records it, the
 * desk leads' queue shows it, and a notifier may tell them.
 *
 * @param group     the desk: the group whose tasks are overdue ({@code fact-checkers}, {@code editors})
 * @param overdue   how many of its open tasks were overdue at the check
 * @param threshold the configured threshold ({@code factdesk.review.backlog-threshold})
 */
public record BacklogAlerted(String group, long overdue, int threshold, Instant at) {
}
