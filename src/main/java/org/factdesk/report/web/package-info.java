/**
 * The reader's side of reports: the "Report an error" form of a public article page, the answer that says what
 * happens next, and the page where a reader erases their email and words. Nothing a reader wrote is shown on any
 * public page.
 */
package org.factdesk.report.web;
