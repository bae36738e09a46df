package org.factdesk.publication;

import org.factdesk.article.ArticleRevision;

/** What publishing a claim's correction came to. */
public sealed interface PublicationOutcome {

    /** The revision that carries the claim's correction, new or published by an earlier attempt. */
    record Published(ArticleRevision revision, boolean alreadyPublished) implements PublicationOutcome {
    }

    /** Earlier corrections removed the quote: the claim goes back to its fact-checker. */
    record QuoteGone(int currentRevision) implements PublicationOutcome {
    }
}
