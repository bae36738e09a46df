/**
 * Publishing an approved correction: finding the quote again in the current text, applying the replacement (or
 * leaving the text as it is for a clarification), the dated notice, and the new revision. Announces
 * {@link org.factdesk.publication.CorrectionPublished}.
 */
package org.factdesk.publication;
