package org.factdesk.review;

import java.time.Instant;

/**
 * One desk's backlog as desk leads see it.
 *
 * @param group     the desk: the group that works the step ({@code fact-checkers}, {@code editors})
 * @param overdue   how many of its open tasks are overdue now
 * @param threshold above this many the alert is raised ({@code factdesk.review.backlog-threshold})
 * @param alerting  whether the alert is raised: the last check found the desk above the threshold
 * @param alertedAt when the alert was last raised, or null if never
 */
public record DeskBacklog(String group, long overdue, int threshold, boolean alerting, Instant alertedAt) {
}
