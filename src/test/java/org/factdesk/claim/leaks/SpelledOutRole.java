package org.factdesk.claim.leaks;

import org.springframework.security.access.prepost.PreAuthorize;

/** A leak for ArchitectureLeaksTest: a role spelled out in a feature instead of named in identity. */
class SpelledOutRole {

    @PreAuthorize("hasRole('EDITORS')")
    void approve() {
    }
}
