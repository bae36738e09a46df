package org.factdesk.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.factdesk.claim.ClaimService;
import org.factdesk.claim.FlagRequest;
import org.factdesk.identity.Groups;
import org.factdesk.identity.Roles;
import org.factdesk.testing.EngineCalls;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Giving a review task to someone who may not hold it, or by someone who may not give it, through Camunda's own doors
 * rather than FactDesk's assign: the engine REST API's assignee and claim calls and TaskService's setAssignee and
 * claim. The task listeners refuse each with the same rule FactDesk's API names.
 */
@FactDeskTest
class TaskAssignEngineAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ClaimService claims;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void theEngineRestApiGivesATaskToNobodyOutsideItsGroupEvenForAnAdministrator() {
        String verification = verification();

        Answer byAdmin = setAssignee("admin", verification, "edith");
        Answer byFactChecker = setAssignee("fiona", verification, "farid");

        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(403);
        assertThat(byAdmin.json().get("type").asText()).isEqualTo("urn:factdesk:problem:not-your-task");
        assertThat(byAdmin.json().get("detail").asText()).contains("fact-checkers", "edith");
        // A fact-checker has no right to assign others in the engine at all; FactDesk's API does it for her.
        assertThat(byFactChecker.status()).as("%s", byFactChecker).isEqualTo(403);
        assertUnheld(verification);
    }

    @Test
    void theEngineRestApiGivesAnApprovalToNeitherItsFlaggerNorItsVerifier() {
        String approval = approval("elliot", "fiona");

        Answer toFlagger = setAssignee("admin", approval, "elliot");
        Answer toVerifier = setAssignee("admin", approval, "fiona");

        assertThat(toFlagger.status()).as("%s", toFlagger).isEqualTo(403);
        assertThat(toFlagger.json().get("type").asText()).isEqualTo("urn:factdesk:problem:four-eyes");
        // fiona is no editor: the group rule refuses her before the four-eyes rule is asked.
        assertThat(toVerifier.status()).as("%s", toVerifier).isEqualTo(403);
        assertUnheld(approval);
    }

    @Test
    void taskServicesSetAssigneeRefusesABarredUserWhoeverCallsIt() {
        String verification = verification();
        String approval = approval("elliot", "farid");

        Throwable outsider = catchThrowable(() -> taskService.setAssignee(verification, "edith"));
        Throwable flagger = catchThrowable(() -> taskService.setAssignee(approval, "elliot"));
        Throwable asAdmin = EngineCalls.asUser(identityService, "admin", () -> catchThrowable(() -> taskService.setAssignee(approval, "elliot")));

        assertThat(EngineCalls.problemIn(outsider).type()).isEqualTo("not-your-task");
        assertThat(EngineCalls.problemIn(flagger).type()).isEqualTo("four-eyes");
        assertThat(EngineCalls.problemIn(asAdmin).type()).isEqualTo("four-eyes");
        assertUnheld(verification);
        assertUnheld(approval);
    }

    @Test
    void aCandidateCannotClaimATaskForABarredColleague() {
        String verification = verification();
        String approval = approval("elliot", "fiona");

        Answer forAnEditor = api.send("fiona", "POST", "/engine-rest/task/" + verification + "/claim",
                "{\"userId\":\"edith\"}", "application/json");
        Answer forTheFlagger = api.send("edith", "POST", "/engine-rest/task/" + approval + "/claim",
                "{\"userId\":\"elliot\"}", "application/json");
        Throwable direct = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> taskService.claim(approval, "elliot")));

        assertThat(forAnEditor.status()).as("%s", forAnEditor).isEqualTo(403);
        assertThat(forAnEditor.json().get("type").asText()).isEqualTo("urn:factdesk:problem:not-your-task");
        assertThat(forTheFlagger.status()).as("%s", forTheFlagger).isEqualTo(403);
        assertThat(forTheFlagger.json().get("type").asText()).isEqualTo("urn:factdesk:problem:four-eyes");
        assertThat(EngineCalls.problemIn(direct).type()).isEqualTo("four-eyes");
        assertUnheld(verification);
        assertUnheld(approval);
    }

    @Test
    void aCandidateGroupAddedToATaskDoesNotLetItsMembersAssignIt() {
        String verification = verification();
        // Added as an administrator could: the editors become candidates, and so may claim it in the engine.
        taskService.addCandidateGroup(verification, Groups.EDITORS);
        try {
            Answer forAFactChecker = api.send("edith", "POST", "/engine-rest/task/" + verification + "/claim",
                    "{\"userId\":\"farid\"}", "application/json");
            Throwable direct = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> taskService.claim(verification, "farid")));

            assertThat(forAFactChecker.status()).as("%s", forAFactChecker).isEqualTo(403);
            assertThat(forAFactChecker.json().get("type").asText())
                    .isEqualTo("urn:factdesk:problem:not-allowed-to-assign");
            assertThat(EngineCalls.problemIn(direct).type()).isEqualTo(TaskAssignments.NOT_ALLOWED_TO_ASSIGN);
            assertUnheld(verification);
        } finally {
            taskService.deleteCandidateGroup(verification, Groups.EDITORS);
        }
    }

    @Test
    void aTaskCreatedEarlierOnTheSameThreadIsNotTakenForTheModelsOwnAssignment() {
        // Pooled request threads run one request after another: the review started here, on this thread, and the
        // engine call that follows must be checked like any other.
        long article = api.importArticle("The Humber bridge spans 1,410 metres between its towers.");
        long claim = asFlagger("edith", () -> claims.flag(article, new FlagRequest("1,410 metres", null, null, null,
                "NUMBER", "MEDIUM", null, null), "edith").id());
        String verification = api.taskOf("fiona", claim);
        taskService.addCandidateGroup(verification, Groups.EDITORS);
        try {
            Throwable direct = EngineCalls.asUser(identityService, "edith", () -> catchThrowable(() -> taskService.claim(verification, "farid")));

            assertThat(EngineCalls.problemIn(direct).type()).isEqualTo(TaskAssignments.NOT_ALLOWED_TO_ASSIGN);
            assertUnheld(verification);
        } finally {
            taskService.deleteCandidateGroup(verification, Groups.EDITORS);
        }
    }

    @Test
    void aFactCheckerMayClaimAnUnheldTaskForAColleagueThroughTheEngineAsThePageDoes() {
        String verification = verification();

        Answer forFarid = api.send("fiona", "POST", "/engine-rest/task/" + verification + "/claim",
                "{\"userId\":\"farid\"}", "application/json");

        assertThat(forFarid.status()).as("%s", forFarid).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(verification).singleResult().getAssignee()).isEqualTo("farid");
    }

    private Answer setAssignee(String user, String task, String assignee) {
        return api.send(user, "POST", "/engine-rest/task/" + task + "/assignee", "{\"userId\":\"" + assignee + "\"}",
                "application/json");
    }

    /** A fresh, unheld Verify claim task, the claim flagged by edith. */
    /** Runs {@code call} signed in to FactDesk as {@code user}, an editor, on this thread. */
    private static <T> T asFlagger(String user, Supplier<T> call) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.EDITORS))));
        SecurityContextHolder.setContext(signedIn);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private String verification() {
        long article = api.importArticle("The Tamar bridge carries 16,000 vehicles a day.");
        long claim = api.flag("edith", article, Map.of("quote", "16,000", "category", "NUMBER"));
        return api.taskOf("fiona", claim);
    }

    /** A fresh, unheld Approve correction task of a claim {@code flagger} flagged and {@code verifier} verified. */
    private String approval(String flagger, String verifier) {
        long article = api.importArticle("The Severn bore reached 2 metres at Minsterworth.");
        long claim = api.flag(flagger, article, Map.of("quote", "2 metres", "category", "NUMBER",
                "replacement", "1.5 metres"));
        api.work(verifier, claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "1.5 metres", "notice",
                "An earlier version overstated the height of the bore."));
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.taskOf("edith", claim), id -> id != null);
    }

    private void assertUnheld(String task) {
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).as(task).isNull();
    }
}
