/**
 * The glue between claims and the ClaimReview process on Camunda: starting it when a claim is flagged, the task
 * listeners that record verdicts and enforce four-eyes inside the engine, the publish delegate, the task API, and the
 * deadlines that escalate (reminders, escalation to the desk leads, the backlog alert), which publish
 * {@link org.factdesk.review.ReviewReminded}, {@link org.factdesk.review.ReviewEscalated} and
 * {@link org.factdesk.review.BacklogAlerted}. Ids and variable names live in
 * {@link org.factdesk.review.ClaimReviewProcess}.
 */
package org.factdesk.review;
