package org.factdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.MovableClock;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestApi.Answer;
import org.factdesk.testing.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks to a real HTTP receiver: each published revision posted once, signed as the README says; a failing CMS
 * tried again after waits that double, on the application's clock, until it answers; the delivery log through the
 * admin API; URLs FactDesk will not post to and people who may not manage webhooks refused with problem+json; and
 * two senders on one database posting each delivery once.
 */
@FactDeskTest
class WebhookDeliveryTest {

    private static final String TEXT = "The ferry left Stornowey at dawn with 300 passengers on board.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookEndpoints endpoints;

    @Autowired
    WebhookSettings settings;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void postsEachPublishedRevisionSignedWithTheEndpointsSecret() throws Exception {
        try (WebhookReceiver cms = new WebhookReceiver()) {
            Answer created = api.post("admin", "/api/webhooks", Map.of("url", cms.url(), "description", "The CMS"));
            assertThat(created.status()).isEqualTo(201);
            long endpoint = created.json().get("endpoint").get("id").asLong();
            String secret = created.json().get("secret").asText();
            assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
            try {
                long article = api.importArticle(TEXT);
                long claim = publish(article);

                await().atMost(Duration.ofSeconds(30)).until(() -> !cms.about(article).isEmpty());
                WebhookReceiver.Received post = cms.about(article).get(0);
                assertThat(post.method()).isEqualTo("POST");
                assertThat(post.header("Content-Type")).startsWith("application/json");
                assertThat(post.header("FactDesk-Event")).isEqualTo("correction.published");
                // What a CMS does: HMAC-SHA256 of "<timestamp>.<body>" with the secret, compared with v1=<hex>.
                long timestamp = Long.parseLong(post.header("FactDesk-Timestamp"));
                assertThat(post.header("FactDesk-Signature")).isEqualTo("v1=" + hmac(secret, timestamp + ".", post.body()));
                assertThat(Instant.ofEpochSecond(timestamp)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
                assertThat(post.header("FactDesk-Signature")).isNotEqualTo("v1=" + hmac("wrong-secret-1234567",
                        timestamp + ".", post.body()));

                JsonNode body = JSON.readTree(post.body());
                assertThat(body.get("event").asText()).isEqualTo("correction.published");
                assertThat(body.get("articleId").asLong()).isEqualTo(article);
                assertThat(body.get("revision").asInt()).isEqualTo(2);
                assertThat(body.get("claimId").asLong()).isEqualTo(claim);
                assertThat(body.get("kind").asText()).isEqualTo("CORRECTION");
                assertThat(body.get("changesText").asBoolean()).isTrue();
                assertThat(body.get("publicNotice").asBoolean()).isTrue();
                assertThat(body.get("body").asText()).contains("Stornoway").doesNotContain("Stornowey");
                assertThat(body.get("notice").get("text").asText()).contains("misspelled Stornoway");
                assertThat(body.get("notice").get("full").asText()).startsWith("Correction, ");
                assertThat(Instant.parse(body.get("publishedAt").asText())).isCloseTo(Instant.now(),
                        within(1, ChronoUnit.MINUTES));
                assertThat(body.get("links").get("revision").asText())
                        .endsWith("/api/articles/" + article + "/revisions/2");

                String deliveryId = post.header("FactDesk-Delivery");
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        api.get("admin", "/api/webhooks/deliveries/" + deliveryId).json().get("state").asText()
                                .equals("DELIVERED"));
                JsonNode delivery = api.get("admin", "/api/webhooks/deliveries/" + deliveryId).json();
                assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
                assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
                assertThat(delivery.get("attemptLog")).hasSize(1);
                assertThat(delivery.get("attemptLog").get(0).get("status").asInt()).isEqualTo(200);
                Answer log = api.get("admin", "/api/webhooks/" + endpoint + "/deliveries");
                assertThat(log.status()).isEqualTo(200);
                assertThat(log.header("X-Total-Count")).isEqualTo("1");
                assertThat(log.json().get(0).get("deliveryId").asText()).isEqualTo(deliveryId);
                // Posted once: the sender's later rounds find nothing due.
                Thread.sleep(2_000);
                assertThat(cms.about(article)).hasSize(1);
            } finally {
                api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null);
            }
        }
    }

    @Test
    void aFailingEndpointIsTriedAgainAfterWaitsThatDoubleUntilItAnswers() throws Exception {
        try (WebhookReceiver cms = new WebhookReceiver().answering(500, 503)) {
            long endpoint = register(cms);
            try {
                long article = api.importArticle(TEXT);
                publish(article);
                // The first try, by the running sender: 500, and a wait of retry-after.
                await().atMost(Duration.ofSeconds(30)).until(() -> cms.about(article).size() == 1
                        && delivery(endpoint).get("state").asText().equals("PENDING"));
                JsonNode first = delivery(endpoint);
                assertThat(first.get("attempts").asInt()).isEqualTo(1);
                assertThat(first.get("lastStatus").asInt()).isEqualTo(500);
                Instant tried = Instant.parse(first.get("lastAttemptAt").asText());
                assertThat(Instant.parse(first.get("nextAttemptAt").asText()))
                        .isCloseTo(tried.plus(settings.retryAfter()), within(1, ChronoUnit.MILLIS));

                // The application's clock moved on: nothing is due a second early, the second try 503 on time...
                MovableClock clock = new MovableClock(tried.plus(settings.retryAfter()).minusSeconds(1));
                WebhookDispatcher sender = new WebhookDispatcher(deliveries, endpoints, settings, clock);
                sender.sendDue();
                assertThat(cms.about(article)).hasSize(1);
                clock.advance(Duration.ofSeconds(1));
                sender.sendDue();
                assertThat(cms.about(article)).hasSize(2);
                JsonNode second = delivery(endpoint);
                assertThat(second.get("lastStatus").asInt()).isEqualTo(503);
                Instant triedAgain = Instant.parse(second.get("lastAttemptAt").asText());
                // ...and twice the wait before the third.
                assertThat(Instant.parse(second.get("nextAttemptAt").asText()))
                        .isCloseTo(triedAgain.plus(settings.retryAfter().multipliedBy(2)), within(1, ChronoUnit.MILLIS));
                clock.advance(settings.retryAfter().multipliedBy(2).minusSeconds(1));
                sender.sendDue();
                assertThat(cms.about(article)).hasSize(2);
                clock.advance(Duration.ofSeconds(1));
                sender.sendDue();

                assertThat(cms.about(article)).hasSize(3);
                JsonNode delivered = api.get("admin", "/api/webhooks/deliveries/"
                        + delivery(endpoint).get("deliveryId").asText()).json();
                assertThat(delivered.get("state").asText()).isEqualTo("DELIVERED");
                assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
                assertThat(delivered.get("attemptLog")).extracting(a -> a.get("status").asInt())
                        .containsExactly(500, 503, 200);
                assertThat(delivered.get("attemptLog").get(0).get("error").asText()).contains("500");
                // Every attempt carried the same delivery id, so the CMS can tell a repeat.
                assertThat(cms.about(article)).extracting(r -> r.header("FactDesk-Delivery")).containsOnly(
                        delivered.get("deliveryId").asText());
            } finally {
                api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null);
            }
        }
    }

    @Test
    void aDeliveryGivenUpStaysFailedInTheLogAndCanBeSentAgain() {
        try (WebhookReceiver cms = new WebhookReceiver()) {
            long endpoint = register(cms);
            try {
                String deliveryId = UUID.randomUUID().toString();
                Instant now = Instant.now();
                // Its retries used up but the last: an unreachable port.
                WebhookEndpoints.Target target = endpoints.target(endpoint).orElseThrow();
                long dead = endpoints.add("http://127.0.0.1:1/hook", null, "dead-secret-123456789", "admin", now);
                deliveries.add(deliveryId, dead, CorrectionWebhooks.EVENT, 1, 1, 99, "{}", now);
                MovableClock clock = new MovableClock(now.plusSeconds(1));
                WebhookDispatcher sender = new WebhookDispatcher(deliveries, endpoints, settings, clock);
                for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                    clock.advance(settings.retryAtMost().plusSeconds(1));
                    sender.sendDue();
                }
                JsonNode failed = api.get("admin", "/api/webhooks/deliveries/" + deliveryId).json();
                assertThat(failed.get("state").asText()).isEqualTo("FAILED");
                assertThat(failed.get("attempts").asInt()).isEqualTo(settings.maxAttempts());
                assertThat(failed.get("attemptLog")).hasSize(settings.maxAttempts());
                assertThat(failed.get("lastError").asText()).isNotBlank();
                clock.advance(settings.retryAtMost());
                sender.sendDue();
                assertThat(api.get("admin", "/api/webhooks/deliveries/" + deliveryId).json().get("attempts").asInt())
                        .isEqualTo(settings.maxAttempts());

                Answer retried = api.post("admin", "/api/webhooks/deliveries/" + deliveryId + "/retry", null);
                assertThat(retried.status()).isEqualTo(200);
                assertThat(retried.json().get("state").asText()).isEqualTo("PENDING");
                assertThat(api.post("admin", "/api/webhooks/deliveries/" + deliveryId + "/retry", null).status())
                        .isEqualTo(409);
                assertThat(api.send("admin", "DELETE", "/api/webhooks/" + dead, null, null).status()).isEqualTo(204);
                assertThat(api.get("admin", "/api/webhooks/deliveries/" + deliveryId).json().get("state").asText())
                        .isEqualTo("CANCELLED");
                assertThat(target.active()).isTrue();
            } finally {
                api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null);
            }
        }
    }

    @Test
    void twoSendersOnOneDatabasePostEachDeliveryOnce() throws Exception {
        try (WebhookReceiver cms = new WebhookReceiver()) {
            long endpoint = register(cms);
            try {
                Instant now = Instant.now();
                long article = 900_000 + (now.toEpochMilli() % 100_000);
                for (int i = 0; i < 30; i++) {
                    deliveries.add(UUID.randomUUID().toString(), endpoint, CorrectionWebhooks.EVENT, 1, article,
                            i + 2, "{\"articleId\":" + article + ",\"revision\":" + (i + 2) + "}", now);
                }
                ExecutorService nodes = Executors.newFixedThreadPool(2);
                CountDownLatch start = new CountDownLatch(1);
                for (int node = 0; node < 2; node++) {
                    WebhookDispatcher sender = new WebhookDispatcher(deliveries, endpoints, settings,
                            new MovableClock(now.plusSeconds(1)));
                    nodes.submit(() -> {
                        start.await();
                        for (int round = 0; round < 3; round++) {
                            sender.sendDue();
                        }
                        return null;
                    });
                }
                start.countDown();
                nodes.shutdown();
                assertThat(nodes.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> cms.received().stream()
                        .filter(r -> r.text().contains("\"articleId\":" + article + ",")).count() >= 30);

                List<String> ids = cms.received().stream().filter(r -> r.text().contains("\"articleId\":" + article
                        + ",")).map(r -> r.header("FactDesk-Delivery")).toList();
                assertThat(ids).hasSize(30).doesNotHaveDuplicates();
            } finally {
                api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null);
            }
        }
    }

    @Test
    void refusesUrlsItWillNotPostToWithAProblem() {
        for (String url : List.of("ftp://cms.example.com/hook", "file:///etc/passwd", "javascript:alert(1)",
                "gopher://127.0.0.1:25/", "https://user:password@cms.example.com/hook", "/relative/hook",
                "http:///no-host", "https://cms.example.com/hook#part", "not a url")) {
            Answer refused = api.post("admin", "/api/webhooks", Map.of("url", url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.isProblem()).as(url).isTrue();
            assertThat(refused.json().get("type").asText()).as(url).isEqualTo("urn:factdesk:problem:webhook-url-invalid");
        }
        Answer shortSecret = api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/hook",
                "secret", "short"));
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.json().get("type").asText()).isEqualTo("urn:factdesk:problem:webhook-secret-invalid");
        assertThat(api.post("admin", "/api/webhooks", null).status()).isEqualTo(400);
    }

    @Test
    void badInputIsAProblemThatSaysWhatToFixAndWritesNothing() {
        int before = api.get("admin", "/api/webhooks").json().size();
        List<Answer> refused = List.of(
                api.send("admin", "POST", "/api/webhooks", "{\"url\": ", "application/json"),
                api.send("admin", "POST", "/api/webhooks", "[1, 2]", "application/json"),
                api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/\u0000hook")),
                api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/" + "a".repeat(2_100))),
                api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/hook",
                        "description", "d".repeat(501))),
                api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/hook",
                        "secret", "a secret with spaces in it")),
                api.get("admin", "/api/webhooks/not-a-number"),
                api.get("admin", "/api/webhooks/deliveries?size=0"),
                api.get("admin", "/api/webhooks/deliveries?page=-1"));
        for (Answer answer : refused) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
        for (Answer answer : List.of(api.get("admin", "/api/webhooks/987654321"),
                api.get("admin", "/api/webhooks/987654321/deliveries"),
                api.get("admin", "/api/webhooks/deliveries/no-such-delivery"),
                api.send("admin", "DELETE", "/api/webhooks/987654321", null, null))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
        assertThat(api.get("admin", "/api/webhooks").json().size()).isEqualTo(before);
    }

    @Test
    void refusesPrivateAddressesWhenTheNewsroomSaysSo() {
        assertThat(WebhookService.isPrivate("127.0.0.1")).isTrue();
        assertThat(WebhookService.isPrivate("10.1.2.3")).isTrue();
        assertThat(WebhookService.isPrivate("169.254.169.254")).isTrue();
        assertThat(WebhookService.isPrivate("::1")).isTrue();
        assertThat(WebhookService.isPrivate("93.184.215.14")).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                WebhookService.checkedUrl("http://169.254.169.254/latest/meta-data", true))
                .hasMessageContaining("private address");
        assertThat(WebhookService.checkedUrl("http://169.254.169.254/latest/meta-data", false)).isNotBlank();
    }

    @Test
    void onlyAdminsManageWebhooksOrReadTheirLog() {
        try (WebhookReceiver cms = new WebhookReceiver()) {
            long endpoint = register(cms);
            try {
                for (String user : List.of("fiona", "edith", "audrey")) {
                    for (Answer refused : List.of(api.get(user, "/api/webhooks"),
                            api.get(user, "/api/webhooks/" + endpoint + "/deliveries"),
                            api.get(user, "/api/webhooks/deliveries"),
                            api.post(user, "/api/webhooks", Map.of("url", "https://cms.example.com/hook")),
                            api.send(user, "DELETE", "/api/webhooks/" + endpoint, null, null))) {
                        assertThat(refused.status()).as(user + " " + refused).isEqualTo(403);
                        assertThat(refused.isProblem()).as(user + " " + refused).isTrue();
                    }
                }
                assertThat(api.get("admin", "/api/webhooks/" + endpoint).json().get("active").asBoolean()).isTrue();
            } finally {
                api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null);
            }
        }
    }

    @Test
    void neverShowsASecretAgainAfterCreatingTheEndpoint() {
        String secret = "cms-shared-secret-" + UUID.randomUUID();
        Answer created = api.post("admin", "/api/webhooks", Map.of("url", "https://cms.example.com/hook",
                "secret", secret));
        assertThat(created.status()).isEqualTo(201);
        long endpoint = created.json().get("endpoint").get("id").asLong();
        try {
            assertThat(created.json().get("secret").asText()).isEqualTo(secret);
            assertThat(api.get("admin", "/api/webhooks").body()).doesNotContain(secret)
                    .contains("…" + secret.substring(secret.length() - 4));
            assertThat(api.get("admin", "/api/webhooks/" + endpoint).body()).doesNotContain(secret);
        } finally {
            assertThat(api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null).status()).isEqualTo(204);
        }
        assertThat(api.send("admin", "DELETE", "/api/webhooks/" + endpoint, null, null).status()).isEqualTo(409);
        assertThat(api.get("admin", "/api/webhooks/" + endpoint).json().get("active").asBoolean()).isFalse();
    }

    private long register(WebhookReceiver cms) {
        Answer created = api.post("admin", "/api/webhooks", Map.of("url", cms.url()));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("endpoint").get("id").asLong();
    }

    /** The endpoint's only delivery, as the log shows it. */
    private JsonNode delivery(long endpoint) {
        JsonNode log = api.get("admin", "/api/webhooks/" + endpoint + "/deliveries").json();
        assertThat(log).hasSize(1);
        return log.get(0);
    }

    private long publish(long article) {
        long claim = api.flag("farid", article, Map.of("quote", "Stornowey", "category", "TYPO",
                "replacement", "Stornoway", "note", "Misspelled port."));
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Stornoway",
                "notice", "An earlier version of this article misspelled Stornoway."));
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");
        return claim;
    }

    private static String hmac(String secret, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

}
