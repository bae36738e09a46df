package org.factdesk.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.factdesk.claim.Claim;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ClaimReviewProcess.Var;

/**
 * What the routing table (ClaimRouting.dmn) says about a claim's category and severity, read by the task listeners
 * from the table itself, never from the process variables a completion could have rewritten: whether a lawyer reviews
 * the approved update, and whether it may be a silent fix.
 */
@Component
class RoutingRules {

    /** The two answers of the routing table the review's rules rely on. */
    record Route(boolean legalReview, boolean silentFixAllowed) {
    }

    private final DmnEngine dmn;
    private final DmnDecision routing;
    /**
     * Answers by category and severity: the table is the file on the classpath, fixed for the life of the process, so
     * each pair is evaluated once. A completion asked it two or three times, a DMN evaluation each time.
     */
    private final Map<String, Route> answers = new ConcurrentHashMap<>();

    RoutingRules() {
        // The same file the engine deploys, evaluated on its own: no engine call, no authorization, no history row.
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = RoutingRules.class.getClassLoader()
                .getResourceAsStream(ClaimReviewProcess.ROUTING_RESOURCE)) {
            if (model == null) {
                throw new IllegalStateException(ClaimReviewProcess.ROUTING_RESOURCE + " is not on the classpath");
            }
            routing = dmn.parseDecision(ClaimReviewProcess.ROUTING_DECISION_ID, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The route of this claim. */
    Route of(Claim claim) {
        return answers.computeIfAbsent(claim.category().name() + "/" + claim.severity().name(),
                key -> evaluate(claim.category().name(), claim.severity().name()));
    }

    private Route evaluate(String category, String severity) {
        DmnDecisionResultEntries route = dmn.evaluateDecision(routing, Variables.createVariables()
                .putValue(Var.CATEGORY, category)
                .putValue(Var.SEVERITY, severity)).getSingleResult();
        return new Route(Boolean.TRUE.equals(route.getEntry(Var.LEGAL_REVIEW)),
                Boolean.TRUE.equals(route.getEntry(Var.SILENT_FIX_ALLOWED)));
    }
}
