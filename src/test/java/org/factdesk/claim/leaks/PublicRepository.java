package org.factdesk.claim.leaks;

import org.springframework.stereotype.Repository;

/** A leak for ArchitectureLeaksTest: a repository other features could call. */
@Repository
public class PublicRepository {
}
