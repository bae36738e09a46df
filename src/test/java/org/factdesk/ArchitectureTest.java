package org.factdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of FactDesk's code, checked on every build: features free of cycles, each depending only on the ones
 * before it in the flow; the process engine, SQL and role names each kept to the feature that owns them; pages that
 * go through services. {@code ArchitectureLeaksTest} shows each rule failing on the leak it is there to stop.
 */
class ArchitectureTest {

    private static final JavaClasses FACTDESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.factdesk");

    /** No two features need each other, whatever the route. */
    static final ArchRule FEATURES_HAVE_NO_CYCLES = slices().matching("org.factdesk.(*)..").should()
            .beFreeOfCycles();

    /**
     * Each feature uses only those before it in the flow flag → verify → approve → publish → audit, plus shared and
     * identity. Detection listens to publications to scan again; it and review know nothing of each other. Reader
     * reports come after publication (a published claim resolves its reports) and before review (which triages them).
     * Audit listens to review's deadline events (reminders, escalations, backlog alerts), which are no claim's step.
     * Notification and webhook come last: they tell people and the CMS what the flow did, and nothing uses them.
     */
    static final ArchRule FEATURES_DEPEND_ONLY_ON_EARLIER_ONES = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Shared").definedBy("org.factdesk.shared..")
            .layer("Identity").definedBy("org.factdesk.identity..")
            .layer("Article").definedBy("org.factdesk.article..")
            .layer("Claim").definedBy("org.factdesk.claim..")
            .layer("Detection").definedBy("org.factdesk.detection..")
            .layer("Publication").definedBy("org.factdesk.publication..")
            .layer("Report").definedBy("org.factdesk.report..")
            .layer("Review").definedBy("org.factdesk.review..")
            .layer("Audit").definedBy("org.factdesk.audit..")
            .layer("Demo").definedBy("org.factdesk.demo..")
            .layer("Notification").definedBy("org.factdesk.notification..")
            .layer("Webhook").definedBy("org.factdesk.webhook..")
            .whereLayer("Shared").mayNotAccessAnyLayer()
            .whereLayer("Identity").mayOnlyAccessLayers("Shared")
            .whereLayer("Article").mayOnlyAccessLayers("Shared", "Identity")
            .whereLayer("Claim").mayOnlyAccessLayers("Article", "Shared", "Identity")
            .whereLayer("Detection").mayOnlyAccessLayers("Publication", "Claim", "Article", "Shared", "Identity")
            .whereLayer("Publication").mayOnlyAccessLayers("Claim", "Article", "Shared", "Identity")
            .whereLayer("Report").mayOnlyAccessLayers("Publication", "Claim", "Article", "Shared", "Identity")
            .whereLayer("Review").mayOnlyAccessLayers("Report", "Publication", "Claim", "Article", "Shared",
                    "Identity")
            .whereLayer("Audit").mayOnlyAccessLayers("Review", "Report", "Publication", "Claim", "Article", "Shared",
                    "Identity")
            .whereLayer("Demo").mayOnlyAccessLayers("Claim", "Article", "Shared", "Identity")
            .whereLayer("Notification").mayNotBeAccessedByAnyLayer()
            .whereLayer("Notification").mayOnlyAccessLayers("Review", "Report", "Publication", "Claim", "Article", "Shared",
                    "Identity")
            .whereLayer("Webhook").mayNotBeAccessedByAnyLayer()
            .whereLayer("Webhook").mayOnlyAccessLayers("Review", "Publication", "Claim", "Article", "Shared",
                    "Identity");

    /** The flow records its steps through events; only the audit feature writes or reads the log. */
    static final ArchRule THE_FLOW_RECORDS_ITS_STEPS_THROUGH_EVENTS = noClasses().that()
            .resideInAnyPackage("org.factdesk.article..", "org.factdesk.claim..", "org.factdesk.review..",
                    "org.factdesk.report..",
                    "org.factdesk.publication..", "org.factdesk.detection..", "org.factdesk.identity..",
                    "org.factdesk.demo..", "org.factdesk.shared..", "org.factdesk.notification..",
                    "org.factdesk.webhook..")
            .should().dependOnClassesThat().resideInAPackage("org.factdesk.audit..");

    /**
     * Camunda belongs to review (the process) and identity (its users and grants): moving to another engine, or to a
     * fork, touches those two features only.
     */
    static final ArchRule CAMUNDA_STAYS_IN_REVIEW_AND_IDENTITY = noClasses().that()
            .resideOutsideOfPackages("org.factdesk.review", "org.factdesk.identity")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** Pages call feature services: never the engine, a repository, SQL, or the audit chain's insides. */
    static final ArchRule PAGES_GO_THROUGH_SERVICES = noClasses().that().resideInAPackage("org.factdesk..web..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .orShould().dependOnClassesThat().areAnnotatedWith(Repository.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.factdesk.audit.AuditChain");

    /** Who may do what is said once, in {@code identity.Roles}; services carry its annotations. */
    static final ArchRule ROLES_ARE_NAMED_IN_IDENTITY_ONLY = noMethods().that().areDeclaredInClassesThat()
            .resideOutsideOfPackage("org.factdesk.identity..")
            .should().beAnnotatedWith(PreAuthorize.class)
            .allowEmptyShould(true);

    /** A feature's tables and controllers are its own: reached through its services, never from outside. */
    static final ArchRule REPOSITORIES_AND_CONTROLLERS_ARE_INTERNAL = classes().that()
            .areAnnotatedWith(Repository.class).or().areMetaAnnotatedWith(Controller.class).and().areNotAnnotations()
            .should().notBePublic();

    @Test
    void featuresHaveNoCycles() {
        FEATURES_HAVE_NO_CYCLES.check(FACTDESK);
    }

    @Test
    void featuresDependOnlyOnEarlierOnes() {
        FEATURES_DEPEND_ONLY_ON_EARLIER_ONES.check(FACTDESK);
    }

    @Test
    void theFlowRecordsItsStepsThroughEventsNotByCallingTheAuditLog() {
        THE_FLOW_RECORDS_ITS_STEPS_THROUGH_EVENTS.check(FACTDESK);
    }

    @Test
    void camundaStaysInReviewAndIdentity() {
        CAMUNDA_STAYS_IN_REVIEW_AND_IDENTITY.check(FACTDESK);
    }

    @Test
    void pagesGoThroughServices() {
        PAGES_GO_THROUGH_SERVICES.check(FACTDESK);
    }

    @Test
    void rolesAreNamedInIdentityOnly() {
        ROLES_ARE_NAMED_IN_IDENTITY_ONLY.check(FACTDESK);
    }

    @Test
    void repositoriesAndControllersAreInternal() {
        REPOSITORIES_AND_CONTROLLERS_ARE_INTERNAL.check(FACTDESK);
    }
}
