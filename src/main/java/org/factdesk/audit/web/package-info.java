/** The correction history for auditors and editors: the log and its CSV, a claim's timeline, an article's revisions. */
package org.factdesk.audit.web;
