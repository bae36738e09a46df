package org.factdesk.claim;

import java.util.Collection;
import java.util.Map;

/**
 * Who holds each claim's open review task right now. The review feature owns that (it is the task's, in the
 * engine); the claim asks through this interface so it can say "in review, held by fiona" without mirroring it.
 */
public interface ReviewHolders {

    /** The holder of the open review task of each of these claims that has one and is held. */
    Map<Long, String> holders(Collection<Long> claimIds);
}
