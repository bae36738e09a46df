/** The review pages: the queue, and the Verify claim and Approve correction forms. */
package org.factdesk.review.web;
