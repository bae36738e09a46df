package org.factdesk.review;

import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.factdesk.shared.FailureTranslator;
import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The process engine's ways of saying two people acted at once: a task someone else claimed first, or a change the
 * engine's optimistic locking refused. Both are a 409 for whoever came second.
 */
@Component
class EngineFailures implements FailureTranslator {

    @Override
    public Optional<Refusal> translate(Throwable cause) {
        if (cause instanceof TaskAlreadyClaimedException claimed) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "task-already-claimed", claimed.getMessage()));
        }
        if (cause instanceof OptimisticLockingException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "concurrent-change", Refusals.CONCURRENT));
        }
        return Optional.empty();
    }
}
