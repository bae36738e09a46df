/**
 * The glue between claims and the ClaimReview process on Camunda: starting it when a claim is flagged, the task
 * listeners that record verdicts and enforce four-eyes inside the engine, the publish delegate, and the task API.
 * Ids and variable names live in {@link org.factdesk.review.ClaimReviewProcess}.
 */
package org.factdesk.review;
