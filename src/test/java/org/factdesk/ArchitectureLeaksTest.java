package org.factdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each architecture rule fails on the leak it is there to stop. The leaks are small classes in {@code ..leaks}
 * packages of the test sources, imported beside FactDesk's own classes; the source rules read files written here.
 */
class ArchitectureLeaksTest {

    /** FactDesk's classes and the leak fixtures, but no other test class. */
    private static final JavaClasses WITH_LEAKS = new ClassFileImporter()
            .withImportOption((Location location) -> !location.contains("/test-classes/")
                    || location.contains("/leaks/"))
            .importPackages("org.factdesk");

    @Test
    void reviewReachingIntoDetectionBreaksTheFlowOrder() {
        assertFails(ArchitectureTest.FEATURES_DEPEND_ONLY_ON_EARLIER_ONES, "ReviewReadsSuggestions");
    }

    @Test
    void nothingUsesTheFeaturesThatTellPeopleAndTheCms() {
        assertFails(ArchitectureTest.FEATURES_DEPEND_ONLY_ON_EARLIER_ONES, "ReviewSendsMail");
        assertFails(ArchitectureTest.FEATURES_DEPEND_ONLY_ON_EARLIER_ONES, "PublicationPostsWebhooks");
    }

    @Test
    void anEarlierStepKnowingALaterOneIsACycle() {
        assertFails(ArchitectureTest.FEATURES_DEPEND_ONLY_ON_EARLIER_ONES, "ArticleKnowsClaims");
        assertFails(ArchitectureTest.FEATURES_HAVE_NO_CYCLES, "ArticleKnowsClaims");
    }

    @Test
    void aStepCallingTheAuditLogIsRefused() {
        assertFails(ArchitectureTest.THE_FLOW_RECORDS_ITS_STEPS_THROUGH_EVENTS, "ReviewWritesAudit");
    }

    @Test
    void camundaOutsideReviewAndIdentityIsRefused() {
        assertFails(ArchitectureTest.CAMUNDA_STAYS_IN_REVIEW_AND_IDENTITY, "PublicationQueriesTasks");
    }

    @Test
    void aPageDrivingTheEngineOrTheChainIsRefused() {
        assertFails(ArchitectureTest.PAGES_GO_THROUGH_SERVICES, "PageStartsProcess");
        assertFails(ArchitectureTest.PAGES_GO_THROUGH_SERVICES, "PageHashesEntries");
    }

    @Test
    void aRoleSpelledOutInAFeatureIsRefused() {
        assertFails(ArchitectureTest.ROLES_ARE_NAMED_IN_IDENTITY_ONLY, "SpelledOutRole");
    }

    @Test
    void aPublicRepositoryIsRefused() {
        assertFails(ArchitectureTest.REPOSITORIES_AND_CONTROLLERS_ARE_INTERNAL, "PublicRepository");
    }

    @Test
    void sqlOnAnotherFeaturesTableIsFound(@TempDir Path root) throws IOException {
        write(root, "publication/Corrections.java",
                "class Corrections { String sql = \"SELECT notice FROM article_revision WHERE claim_id IS NOT NULL\"; }");
        write(root, "article/Revisions.java", "class Revisions { String sql = \"SELECT * FROM article_revision\"; }");
        assertThat(SourceOwnershipTest.tableLeaks(root)).containsExactly("publication/Corrections.java: article_revision");
    }

    @Test
    void aVerdictComparedAsAStringIsFound(@TempDir Path root) throws IOException {
        write(root, "publication/Kinds.java",
                "class Kinds { boolean fix(String verdict) { return \"ERROR_CONFIRMED\".equals(verdict); } }");
        assertThat(SourceOwnershipTest.vocabularyLiterals(root)).containsExactly(
                "publication/Kinds.java: \"ERROR_CONFIRMED\"");
    }

    private static void assertFails(ArchRule rule, String leak) {
        assertThatThrownBy(() -> rule.check(WITH_LEAKS)).isInstanceOf(AssertionError.class).hasMessageContaining(leak);
    }

    private static void write(Path root, String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }
}
