package org.factdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the feature packages free of cycles and the flow flag → verify → approve → publish → audit one-way. */
class ArchitectureTest {

    private static final JavaClasses FACTDESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.factdesk");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.factdesk.(*)..").should().beFreeOfCycles().check(FACTDESK);
    }

    @Test
    void earlierStepsDoNotKnowLaterOnes() {
        noClasses().that().resideInAnyPackage("org.factdesk.article..", "org.factdesk.claim..")
                .should().dependOnClassesThat().resideInAnyPackage("org.factdesk.review..",
                        "org.factdesk.publication..", "org.factdesk.audit..")
                .check(FACTDESK);
    }

    @Test
    void theFlowRecordsItsStepsThroughEventsNotByCallingTheAuditLog() {
        // The audit log listens to the flow's events; only the pages and the offline command read it directly.
        noClasses().that().resideInAnyPackage("org.factdesk.article..", "org.factdesk.claim..",
                        "org.factdesk.review..", "org.factdesk.publication..", "org.factdesk.detection..",
                        "org.factdesk.identity..")
                .should().dependOnClassesThat().resideInAPackage("org.factdesk.audit..")
                .check(FACTDESK);
    }
}
