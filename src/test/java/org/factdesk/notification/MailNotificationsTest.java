package org.factdesk.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.factdesk.article.ArticleService;
import org.factdesk.identity.UserDirectory;
import org.factdesk.review.BacklogAlerted;
import org.factdesk.review.ClaimReviewProcess;
import org.factdesk.shared.NewsroomTime;
import org.factdesk.shared.ProblemException;
import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.MovableClock;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Mail through a real SMTP server (GreenMail in the test JVM): to whoever is given a review task, whichever API gave
 * it; reminders, escalations and backlog alerts from the review deadlines; to a reader whose report led to a correction; the daily digest; and an SMTP
 * server that is away, which neither fails nor slows a review step and gets its mail once it is back.
 */
@FactDeskTest
class MailNotificationsTest {

    private static final String TEXT = "Crews cleared the Humbr bridge before the storm on Tuesday.";

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    DailyDigest digest;

    @Autowired
    MailOutbox outbox;

    @Autowired
    ObjectProvider<MailSender> mailSender;

    @Autowired
    UserDirectory directory;

    @Autowired
    NotificationSettings settings;

    @Autowired
    TaskService engineTasks;

    @Autowired
    ArticleService articles;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    NewsroomTime newsroomTime;

    @Autowired
    JdbcClient jdbc;

    private TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        TestMailServer.get();
    }

    @Test
    void mailsTheVerifierWhenAnEditorReturnsTheCorrectionToThem() throws Exception {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flagAndVerify(article);
        api.work("edith", claim, Map.of("decision", "RETURN", "comment", "Check the bridge's name again."));

        MimeMessage mail = awaitMail("fiona@factdesk.example", headline);
        assertThat(TestMailServer.subject(mail)).startsWith("[FactDesk] Verify claim");
        assertThat(TestMailServer.body(mail)).contains("claim " + claim).contains("given to you by edith")
                .contains("http://localhost:8080/tasks/" + api.taskOf("fiona", claim));
        assertThat(mail.getFrom()[0].toString()).isEqualTo("factdesk@factdesk.example");
    }

    @Test
    void takingATaskYourselfSendsNoMail() {
        long article = api.importArticle(TEXT);
        long claim = flag(article);
        String task = api.taskOf("fiona", claim);
        assertThat(api.post("fiona", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);

        assertThat(queuedFor(claim)).isZero();
    }

    @Test
    void mailsWhoeverTheEngineApiGivesATaskTo() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flag(article);
        // An admin's hand-over through Camunda's own API (as Tasklist or /engine-rest make it), not FactDesk's.
        engineTasks.setAssignee(api.taskOf("farid", claim), "farid");

        MimeMessage mail = awaitMail("farid@factdesk.example", headline);
        assertThat(TestMailServer.body(mail)).contains("is now yours.");
    }

    @Test
    void anEscalationMailsEveryMemberOfTheGroup() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flag(article);

        notifications.taskEscalated("editors", api.taskOf("fiona", claim), "Verify claim", claim, article,
                "Nobody verified it within its two hours.");

        MimeMessage mail = awaitMail("edith@factdesk.example", headline);
        assertThat(TestMailServer.to(mail)).containsExactlyInAnyOrder("edith@factdesk.example",
                "elliot@factdesk.example");
        assertThat(TestMailServer.subject(mail)).startsWith("[FactDesk] Escalated: Verify claim");
        assertThat(TestMailServer.body(mail)).contains("was escalated to editors")
                .contains("Nobody verified it within its two hours.");
    }

    @Test
    void thanksAReaderWhoseReportLedToACorrection() {
        String title = "Storm closes bridge " + System.nanoTime();
        notifications.reportResolved("reader@example.com", title, "http://localhost:8080/public/articles/7");

        MimeMessage mail = awaitMail("reader@example.com", title);
        assertThat(TestMailServer.body(mail)).contains("http://localhost:8080/public/articles/7");
        // Sent, the reader's address is no longer kept in the outbox.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT state FROM mail_delivery WHERE subject "
                + "LIKE ?").param("%" + title).query(String.class).single().equals("SENT"));
        assertThat(jdbc.sql("SELECT to_address FROM mail_delivery WHERE subject LIKE ?").param("%" + title)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void withoutAnSmtpServerNothingIsQueued() {
        ObjectProvider<MailSender> none = new StaticListableBeanFactory().getBeanProvider(MailSender.class);
        Notifications off = new Notifications(outbox, none, articles, settings, newsroomTime, Clock.systemUTC());
        String title = "Nobody is told " + System.nanoTime();

        assertThat(off.enabled()).isFalse();
        off.reportResolved("reader@example.com", title, "http://localhost:8080/public/articles/7");
        off.backlogAlerted("desk-leads", title, 1, 1);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_delivery WHERE subject LIKE ? OR body LIKE ?")
                .params("%" + title + "%", "%" + title + "%").query(Long.class).single()).isZero();
        assertThat(new MailDispatcher(outbox, none, directory, settings, Clock.systemUTC()).sendDue()).isZero();
        assertThat(notifications.enabled()).isTrue();
    }

    @Test
    void refusesAReaderAddressThatIsNotOne() {
        assertThatThrownBy(() -> notifications.reportResolved("reader@example.com\r\nBcc: all@example.com", "T",
                "http://localhost:8080/public/articles/7"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid-email");
                });
    }

    @Test
    void theDailyDigestGoesToTheStandardsEditorOnceADay() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flagAndVerify(article);
        api.work("edith", claim, Map.of("decision", "APPROVE"));
        api.awaitState(claim, "PUBLISHED");
        // The digest of the morning after: what was published today is "yesterday" to it.
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);

        assertThat(digest.queue(tomorrow)).isTrue();
        assertThat(digest.queue(tomorrow)).isFalse();

        MimeMessage mail = awaitMail("standards@factdesk.example", "Daily digest, " + tomorrow);
        String body = TestMailServer.body(mail);
        assertThat(body).containsPattern("Open review tasks: \\d+").containsPattern("Overdue: \\d+")
                .contains("Published on " + tomorrow.minusDays(1) + ": ")
                .contains("Correction to \"" + headline + "\" (revision 2)");
        assertThat(TestMailServer.received("standards@factdesk.example", "Daily digest, " + tomorrow)).hasSize(1);
    }

    @Test
    void aStoppedMailServerNeitherFailsNorSlowsAReviewStepAndGetsItsMailWhenBack() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flagAndVerify(article);
        String approve = api.taskOf("edith", claim);
        assertThat(api.post("edith", "/api/tasks/" + approve + "/claim", null).status()).isEqualTo(200);
        TestMailServer.stop();
        try {
            long started = System.nanoTime();
            TestApi.Answer completed = api.post("edith", "/api/tasks/" + approve + "/complete",
                    Map.of("decision", "RETURN", "comment", "Check the bridge's name again."));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(completed.status()).isEqualTo(204);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(api.claim(claim).get("state").asText()).isEqualTo("IN_REVIEW");
            // The senders try, fail, and wait before the next try.
            await().atMost(Duration.ofSeconds(30)).until(() -> mailOf(claim).attempts() >= 1
                    && mailOf(claim).state() == MailState.PENDING);
            QueuedMail waiting = mailOf(claim);
            assertThat(waiting.lastError()).isNotBlank();
            assertThat(waiting.nextAttemptAt()).isCloseTo(waiting.lastAttemptAt().plus(settings.retryAfter()),
                    within(1, ChronoUnit.MILLIS));
        } finally {
            TestMailServer.get();
        }
        QueuedMail waiting = mailOf(claim);
        MovableClock clock = new MovableClock(waiting.nextAttemptAt().minusSeconds(1));
        MailDispatcher later = new MailDispatcher(outbox, mailSender, directory, settings, clock);
        later.sendDue();
        assertThat(mailOf(claim).state()).isEqualTo(MailState.PENDING);
        assertThat(TestMailServer.received("fiona@factdesk.example", headline)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        later.sendDue();

        assertThat(mailOf(claim).state()).isEqualTo(MailState.SENT);
        assertThat(mailOf(claim).attempts()).isEqualTo(waiting.attempts() + 1);
        assertThat(TestMailServer.received("fiona@factdesk.example", headline)).hasSize(1);
    }

    @Test
    void aMailToAUserWithoutAnAddressFailsAtOnceAndStaysInTheOutbox() {
        String user = "nomail" + System.nanoTime();
        directory.ensureUser(user, "No", "Mail", "secret-password", List.of("fact-checkers"));
        String marker = "Unreachable " + System.nanoTime();
        outbox.add(MailKind.ASSIGNED, Recipient.user(user), marker, "body", Instant.now());
        long id = jdbc.sql("SELECT id FROM mail_delivery WHERE subject = ?").param(marker).query(Long.class).single();

        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.find(id).orElseThrow().state() == MailState.FAILED);
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);
        assertThat(outbox.find(id).orElseThrow().lastError()).contains("no deliverable address for user " + user);
    }

    @Test
    void theDueSoonTimerRemindsTheHolder() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flag(article);
        assertThat(api.post("fiona", "/api/tasks/" + api.taskOf("fiona", claim) + "/claim", null).status())
                .isEqualTo(200);

        runTimer(claim, ClaimReviewProcess.Element.BOUNDARY_VERIFY_REMINDER);

        MimeMessage reminder = awaitMail("fiona@factdesk.example", "Reminder: Verify claim: " + headline);
        assertThat(TestMailServer.to(reminder)).containsExactly("fiona@factdesk.example");
        assertThat(TestMailServer.body(reminder)).contains("is yours and is due by ");
    }

    @Test
    void theDueSoonTimerRemindsTheGroupWhileNobodyHoldsTheTask() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flag(article);

        runTimer(claim, ClaimReviewProcess.Element.BOUNDARY_VERIFY_REMINDER);

        MimeMessage reminder = awaitMail("fiona@factdesk.example", "Reminder: Verify claim: " + headline);
        assertThat(TestMailServer.to(reminder)).containsExactlyInAnyOrder("fiona@factdesk.example",
                "farid@factdesk.example");
        assertThat(TestMailServer.body(reminder)).contains("waits for fact-checkers");
    }

    @Test
    void theOverdueTimerMailsTheDeskLeadsItEscalatesTo() {
        long article = api.importArticle(TEXT);
        String headline = headline(article);
        long claim = flag(article);

        runTimer(claim, ClaimReviewProcess.Element.BOUNDARY_VERIFY_OVERDUE);

        MimeMessage escalation = awaitMail("dana@factdesk.example", "Escalated: Verify claim: " + headline);
        assertThat(TestMailServer.body(escalation)).contains("was escalated to desk-leads")
                .containsPattern("its priority is now \\d+");
    }

    @Test
    void aBacklogAlertMailsTheDeskLeads() {
        long overdue = 1_000 + System.nanoTime() % 1_000;
        events.publishEvent(new BacklogAlerted("editors", overdue, 10, Instant.now()));

        MimeMessage alert = awaitMail("dana@factdesk.example", "Backlog: " + overdue + " overdue for editors");
        assertThat(TestMailServer.body(alert)).contains("more than its threshold of 10");
    }

    @Test
    void adminsReadTheOutboxWithEachMailsStateAndOthersMayNot() {
        String marker = "Outbox check " + System.nanoTime();
        notifications.reportResolved("reader@example.com", marker, "http://localhost:8080/public/articles/7");

        TestApi.Answer outboxNow = api.get("admin", "/api/notifications/mails?size=20");
        assertThat(outboxNow.status()).isEqualTo(200);
        assertThat(outboxNow.body()).contains(marker);
        assertThat(outboxNow.json().get(0).get("state").asText()).isIn("PENDING", "SENDING", "SENT");
        for (String user : List.of("fiona", "edith", "audrey")) {
            TestApi.Answer refused = api.get(user, "/api/notifications/mails");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.get("admin", "/api/notifications/mails?size=0").status()).isEqualTo(400);
    }

    private void runTimer(long claim, String boundaryEvent) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(claim))
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).activityId(boundaryEvent)
                .singleResult().getId());
    }

    private MimeMessage awaitMail(String to, String subjectPart) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestMailServer.received(to, subjectPart).isEmpty());
        return TestMailServer.received(to, subjectPart).get(0);
    }

    private long queuedFor(long claim) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_delivery WHERE kind = 'ASSIGNED' AND body LIKE ?")
                .param("%claim " + claim + " %").query(Long.class).single();
    }

    private QueuedMail mailOf(long claim) {
        long id = jdbc.sql("SELECT id FROM mail_delivery WHERE kind = 'ASSIGNED' AND body LIKE ?")
                .param("%claim " + claim + " %").query(Long.class).single();
        return outbox.find(id).orElseThrow();
    }

    private String headline(long article) {
        return api.get("audrey", "/api/articles/" + article).json().get("headline").asText();
    }

    private long flag(long article) {
        return api.flag("farid", article, Map.of("quote", "Humbr", "category", "TYPO", "replacement", "Humber",
                "note", "Misspelled river."));
    }

    private long flagAndVerify(long article) {
        long claim = flag(article);
        api.work("fiona", claim, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Humber",
                "notice", "An earlier version of this article misspelled the Humber bridge."));
        return claim;
    }
}
