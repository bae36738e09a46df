package org.factdesk.claim;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who holds each claim's open review task right now. The review feature owns that (it is the task's, in the
 * engine); the claim asks through this interface so it can say "in review, held by fiona" without mirroring it.
 */
public interface ReviewHolders {

    /** The holder of the open review task of each of these claims that has one and is held. */
    Map<Long, String> holders(Collection<Long> claimIds);

    /**
     * The claims, of one article (or of all when null), whose open review task someone holds: what tells a claim in
     * review from one waiting to be taken when a search is paged in the database.
     */
    Set<Long> heldClaims(Long articleId);
}
