package org.factdesk.article.leaks;

import org.factdesk.claim.ClaimService;

/** A leak for ArchitectureLeaksTest: an earlier step knowing a later one, which closes a cycle. */
class ArticleKnowsClaims {

    ClaimService claims;
}
