package org.factdesk.shared;

import java.util.Optional;

/**
 * Reads a failure of a library that only one feature uses (the process engine, say) as the refusal it means, so
 * {@link Refusals} can answer it without knowing that library.
 */
public interface FailureTranslator {

    /** The refusal {@code cause} means, or empty when it is none of this translator's. */
    Optional<Refusal> translate(Throwable cause);
}
