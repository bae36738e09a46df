package org.factdesk.claim;

import java.util.List;

import org.factdesk.shared.ProblemException;

/**
 * Which place of a quote a flag means: the one occurrence the request names (by number or start index), the first of
 * every occurrence, or the only one there is. A quote found several times with nothing said is refused rather than
 * guessed.
 */
final class Occurrences {

    private Occurrences() {
    }

    /** The start index of the meant occurrence among {@code starts}, the quote's places in the current text. */
    static int choose(FlagRequest request, String quote, List<Integer> starts) {
        boolean all = request.scope() != null;
        if (all && !FlagRequest.SCOPE_ALL.equalsIgnoreCase(request.scope())) {
            throw ProblemException.badRequest("invalid-claim", "'scope' can only be \"ALL\"; found '" + request.scope()
                    + "'. To flag one place, give 'occurrence' or 'start' instead.");
        }
        int given = (all ? 1 : 0) + (request.occurrence() != null ? 1 : 0) + (request.start() != null ? 1 : 0);
        if (given > 1) {
            throw ProblemException.badRequest("invalid-claim",
                    "Give only one of 'occurrence', 'start' or 'scope': \"ALL\".");
        }
        if (request.occurrence() != null) {
            int n = request.occurrence();
            if (n < 1 || n > starts.size()) {
                throw ProblemException.badRequest("occurrence-not-found", "The quote '" + quote + "' occurs "
                        + starts.size() + " time(s); occurrence " + n + " does not exist (the first is 1).");
            }
            return starts.get(n - 1);
        }
        if (request.start() != null) {
            int start = request.start();
            if (!starts.contains(start)) {
                throw ProblemException.badRequest("quote-not-at-start", "The quote '" + quote
                        + "' does not start at index " + start + "; it starts at " + starts + ".");
            }
            return start;
        }
        if (!all && starts.size() > 1) {
            throw ProblemException.badRequest("ambiguous-quote", "The quote '" + quote + "' occurs " + starts.size()
                    + " times, at " + starts + ". Say which with 'occurrence' (1 to " + starts.size()
                    + "), 'start', or flag every one with 'scope': \"ALL\".");
        }
        return starts.get(0);
    }
}
