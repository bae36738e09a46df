package org.factdesk.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What recomputing the audit chain found: {@code valid} when every entry links to the one before and matches its
 * hash; otherwise {@code firstBrokenAt} is the position (1-based, as {@code seq}) of the first entry that was
 * altered, inserted, moved or is missing, and {@code reason} says which. {@code head} is the hash of the last entry.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Verification(boolean valid, long entries, Long firstBrokenAt, String reason, String head) {

    static Verification intact(long entries, String head) {
        return new Verification(true, entries, null, null, head);
    }

    static Verification broken(long entries, long firstBrokenAt, String reason, String head) {
        return new Verification(false, entries, firstBrokenAt, reason, head);
    }
}
