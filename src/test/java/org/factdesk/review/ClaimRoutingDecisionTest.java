package org.factdesk.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.factdesk.review.ClaimReviewProcess.Var;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that ClaimRouting.dmn gives every category and severity it lists exactly one sensible route, and that each
 * of its rules is used.
 */
class ClaimRoutingDecisionTest {

    private static final Set<String> REVIEW_PATHS = Set.of("URGENT", "STANDARD", "ROUTINE");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private static final DmnModelInstance MODEL = readModel();

    private final List<String> matchedRuleIds = new ArrayList<>();
    private DmnEngine dmnEngine;
    private DmnDecision routing;

    @BeforeEach
    void parseDecision() {
        // The evaluation result does not say which rule matched; a table listener does.
        DmnDecisionTableEvaluationListener recordMatchedRules = event -> event.getMatchingRules().stream()
                .map(DmnEvaluatedDecisionRule::getId)
                .forEach(matchedRuleIds::add);
        dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatchedRules))
                .buildEngine();
        routing = dmnEngine.parseDecision(ClaimReviewProcess.ROUTING_DECISION_ID, MODEL);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("everyListedCategoryAndSeverity")
    void everyListedCategoryAndSeverityGetsExactlyOneValidRoute(String category, String severity) {
        DmnDecisionResult result = route(category, severity);

        assertThat(result).hasSize(1);
        assertThat(matchedRuleIds).hasSize(1);
        DmnDecisionResultEntries route = result.getSingleResult();
        assertThat(route.keySet()).containsExactlyInAnyOrder(Var.REVIEW_PATH, Var.REVIEW_PRIORITY, Var.REVIEW_DUE,
                Var.LEGAL_REVIEW, Var.SILENT_FIX_ALLOWED);
        assertThat(route.<Object>getEntry(Var.LEGAL_REVIEW)).isInstanceOf(Boolean.class);
        assertThat(route.<Object>getEntry(Var.SILENT_FIX_ALLOWED)).isInstanceOf(Boolean.class);
        assertThat((String) route.getEntry(Var.REVIEW_PATH)).isIn(REVIEW_PATHS);
        assertThat(route.<Object>getEntry(Var.REVIEW_PRIORITY)).isInstanceOf(Integer.class);
        assertThat((Integer) route.getEntry(Var.REVIEW_PRIORITY)).isBetween(0, 100);
        assertThat(Duration.parse(route.getEntry(Var.REVIEW_DUE))).isPositive();
    }

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            "FACTUAL,   HIGH,   Rule_HighFactualOrQuote,    URGENT,   90, PT2H, true,  false",
            "QUOTE,     HIGH,   Rule_HighFactualOrQuote,    URGENT,   90, PT2H, true,  false",
            "NAME,      HIGH,   Rule_HighOther,             URGENT,   90, PT4H, false, false",
            "TYPO,      HIGH,   Rule_HighOther,             URGENT,   90, PT4H, false, false",
            "FACTUAL,   MEDIUM, Rule_MediumFactsAndFigures, STANDARD, 60, PT8H, false, false",
            "TIME,      MEDIUM, Rule_MediumFactsAndFigures, STANDARD, 60, PT8H, false, false",
            "NAME,      MEDIUM, Rule_MediumName,            STANDARD, 50, P1D,  false, false",
            "DUPLICATE, MEDIUM, Rule_MediumTypoOrDuplicate, ROUTINE,  20, P2D,  false, false",
            "TYPO,      MEDIUM, Rule_MediumTypoOrDuplicate, ROUTINE,  20, P2D,  false, false",
            "FACTUAL,   LOW,    Rule_LowOther,              ROUTINE,  20, P2D,  false, false",
            "TYPO,      LOW,    Rule_LowTypo,               ROUTINE,  20, P2D,  false, true",
    })
    void routesTheClaimByItsRule(String category, String severity, String ruleId,
                                 String path, int priority, String due, boolean legal, boolean silentFix) {
        DmnDecisionResultEntries route = route(category, severity).getSingleResult();

        assertThat(matchedRuleIds).containsExactly(ruleId);
        assertThat(route.getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Var.REVIEW_PATH, path,
                Var.REVIEW_PRIORITY, priority,
                Var.REVIEW_DUE, due,
                Var.LEGAL_REVIEW, legal,
                Var.SILENT_FIX_ALLOWED, silentFix));
    }

    @Test
    void onlyALowSeverityTypoMayBeFixedSilentlyAndNeverWithLegalRisk() {
        everyListedCategoryAndSeverity().forEach(arguments -> {
            String category = (String) arguments.get()[0];
            String severity = (String) arguments.get()[1];
            DmnDecisionResultEntries route = route(category, severity).getSingleResult();
            boolean silentFix = route.getEntry(Var.SILENT_FIX_ALLOWED);
            boolean legal = route.getEntry(Var.LEGAL_REVIEW);
            assertThat(silentFix).as("%s %s silent fix", category, severity)
                    .isEqualTo(category.equals("TYPO") && severity.equals("LOW"));
            assertThat(silentFix && legal).as("%s %s", category, severity).isFalse();
        });
    }

    @Test
    void everyRuleIsReachable() {
        Set<String> usedRuleIds = new HashSet<>();
        everyListedCategoryAndSeverity().forEach(arguments -> {
            Object[] pair = arguments.get();
            route((String) pair[0], (String) pair[1]);
            usedRuleIds.addAll(matchedRuleIds);
        });

        assertThat(usedRuleIds).containsExactlyInAnyOrderElementsOf(
                MODEL.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList());
    }

    @Test
    void higherPriorityNeverWaitsLonger() {
        List<DmnDecisionResultEntries> routes = everyListedCategoryAndSeverity()
                .map(arguments -> route((String) arguments.get()[0], (String) arguments.get()[1]).getSingleResult())
                .toList();

        for (DmnDecisionResultEntries more : routes) {
            for (DmnDecisionResultEntries less : routes) {
                if ((Integer) more.getEntry(Var.REVIEW_PRIORITY) > (Integer) less.getEntry(Var.REVIEW_PRIORITY)) {
                    assertThat(Duration.parse(more.getEntry(Var.REVIEW_DUE)))
                            .as("%s against %s", more, less)
                            .isLessThanOrEqualTo(Duration.parse(less.getEntry(Var.REVIEW_DUE)));
                }
            }
        }
    }

    @Test
    void unlistedCategoryMatchesNoRule() {
        assertThat(route("OPINION", "HIGH")).isEmpty();
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private DmnDecisionResult route(String category, String severity) {
        matchedRuleIds.clear();
        return dmnEngine.evaluateDecision(routing, Map.of(Var.CATEGORY, category, Var.SEVERITY, severity));
    }

    /** Every pair of the allowed values the table lists, so a newly listed value without a rule fails here. */
    static Stream<Arguments> everyListedCategoryAndSeverity() {
        List<String> categories = allowedValues("Category");
        List<String> severities = allowedValues("Severity");
        return categories.stream().flatMap(category -> severities.stream().map(severity -> Arguments.of(category, severity)));
    }

    private static List<String> allowedValues(String inputLabel) {
        Input input = MODEL.getModelElementsByType(Input.class).stream()
                .filter(candidate -> inputLabel.equals(candidate.getLabel()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No input labelled " + inputLabel));
        Matcher values = QUOTED.matcher(input.getInputValues().getText().getTextContent());
        List<String> allowed = new ArrayList<>();
        while (values.find()) {
            allowed.add(values.group(1));
        }
        assertThat(allowed).as("allowed values of %s", inputLabel).isNotEmpty();
        return allowed;
    }

    private static DmnModelInstance readModel() {
        try (InputStream dmn = ClaimRoutingDecisionTest.class.getClassLoader()
                .getResourceAsStream(ClaimReviewProcess.ROUTING_RESOURCE)) {
            assertThat(dmn).as(ClaimReviewProcess.ROUTING_RESOURCE).isNotNull();
            return Dmn.readModelFromStream(dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
