package org.factdesk.review.web.leaks;

import org.camunda.bpm.engine.RuntimeService;

/** A leak for ArchitectureLeaksTest: a page driving the process engine itself. */
class PageStartsProcess {

    void start(RuntimeService runtime) {
        runtime.startProcessInstanceByKey("ClaimReview");
    }
}
