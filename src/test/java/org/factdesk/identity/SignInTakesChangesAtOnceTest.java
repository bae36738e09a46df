package org.factdesk.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API call signs in afresh (HTTP Basic): a changed password, a removed membership or a deleted user counts from
 * the very next call, however the change was made (the engine's identity service, which FactDesk's admin pages use,
 * or the engine REST API), with calls made just before it that succeeded. Nothing a call learnt about the caller may
 * outlive the change.
 */
@FactDeskTest
class SignInTakesChangesAtOnceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private String newFactChecker(String password) {
        String id = "tess" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        User user = identity.newUser(id);
        user.setFirstName("Tess");
        user.setLastName("Tester");
        user.setEmail(id + "@factdesk.invalid");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, Groups.FACT_CHECKERS);
        return id;
    }

    private int send(String user, String password, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int queue(String user, String password) throws Exception {
        return send(user, password, "GET", "/api/tasks", null);
    }

    @Test
    void aChangedPasswordCountsFromTheNextCall() throws Exception {
        String tess = newFactChecker("first-secret");
        // Signed in again and again with the old password first, as a client polling its queue does.
        for (int i = 0; i < 3; i++) {
            assertThat(queue(tess, "first-secret")).isEqualTo(200);
        }

        User user = identity.createUserQuery().userId(tess).singleResult();
        user.setPassword("second-secret");
        identity.saveUser(user);

        assertThat(queue(tess, "first-secret")).as("the old password, right after the change").isEqualTo(401);
        assertThat(queue(tess, "second-secret")).isEqualTo(200);
    }

    @Test
    void aPasswordChangedThroughTheEngineRestApiCountsFromTheNextCall() throws Exception {
        String tess = newFactChecker("first-secret");
        assertThat(queue(tess, "first-secret")).isEqualTo(200);

        assertThat(send("admin", TestApi.PASSWORD, "PUT", "/engine-rest/user/" + tess + "/credentials",
                "{\"password\": \"third-secret\", \"authenticatedUserPassword\": \"" + TestApi.PASSWORD + "\"}"))
                .isEqualTo(204);

        assertThat(queue(tess, "first-secret")).isEqualTo(401);
        assertThat(queue(tess, "third-secret")).isEqualTo(200);
    }

    @Test
    void aRemovedMembershipCountsFromTheNextCall() throws Exception {
        String tess = newFactChecker("secret");
        long article = new TestApi(port).importArticle("The minister visited Lodnon on Tuesday.");
        String claim = "{\"quote\": \"Lodnon\", \"category\": \"TYPO\", \"severity\": \"LOW\", \"replacement\": \"London\"}";
        assertThat(queue(tess, "secret")).isEqualTo(200);

        identity.deleteMembership(tess, Groups.FACT_CHECKERS);

        assertThat(queue(tess, "secret")).as("a queue is for reviewers only").isEqualTo(403);
        assertThat(send(tess, "secret", "POST", "/api/articles/" + article + "/claims", claim))
                .as("flagging is for reviewers only").isEqualTo(403);
        assertThat(send(tess, "secret", "POST", "/engine-rest/task", "{}"))
                .as("the engine REST API's task query is for task workers only").isEqualTo(403);

        identity.createMembership(tess, Groups.FACT_CHECKERS);
        assertThat(send(tess, "secret", "POST", "/api/articles/" + article + "/claims", claim)).isEqualTo(201);
    }

    @Test
    void aDeletedUserIsRefusedFromTheNextCall() throws Exception {
        String tess = newFactChecker("secret");
        assertThat(queue(tess, "secret")).isEqualTo(200);

        identity.deleteUser(tess);

        assertThat(queue(tess, "secret")).isEqualTo(401);
    }
}
