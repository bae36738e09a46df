package org.factdesk.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A summary of a JFR recording's CPU samples ({@code jdk.ExecutionSample}): by thread kind, by where FactDesk, Camunda,
 * the database and the web stack spend (a sample counts for a marker when any frame of its stack matches), and by the
 * topmost frame.
 */
final class Profile {

    record Marker(String label, Predicate<String> frame) {
    }

    private static Marker marker(String label, String... prefixes) {
        return new Marker(label, frame -> {
            for (String prefix : prefixes) {
                if (frame.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Places worth knowing the share of, inclusive (a sample can count for several). */
    static final List<Marker> LIFECYCLE = List.of(
            marker("detector scan after import/publication (org.factdesk.detection + LanguageTool)",
                    "org.factdesk.detection.", "org.languagetool."),
            marker("Spring Security filter chain (all of a request behind it too)",
                    "org.springframework.security.web.FilterChainProxy.doFilter"),
            marker("  HTTP Basic sign-in: CamundaUserAuthenticationProvider.authenticate",
                    "org.factdesk.identity.CamundaUserAuthenticationProvider.authenticate"),
            marker("    of which password hashing (Camunda checkPassword)",
                    "org.camunda.bpm.engine.impl.cmd.CheckPassword", "org.camunda.bpm.engine.impl.digest."),
            marker("  EngineAuthenticationFilter (groups of the caller)",
                    "org.factdesk.identity.EngineAuthenticationFilter.doFilterInternal"),
            marker("group queries (UserDirectory.groupsOf, TaskGroups.of)", "org.factdesk.identity.UserDirectory.groupsOf",
                    "org.factdesk.review.TaskGroups.of"),
            marker("GET /api/tasks: ReviewTaskService.queue", "org.factdesk.review.ReviewTaskService.queue"),
            marker("claim: ReviewTaskService.claim", "org.factdesk.review.ReviewTaskService.claim"),
            marker("complete: ReviewTaskService.complete", "org.factdesk.review.ReviewTaskService.complete"),
            marker("flag: ClaimService.flag", "org.factdesk.claim.ClaimService.flag"),
            marker("  review start (ReviewStarter)", "org.factdesk.review.ReviewStarter.on"),
            marker("task listeners (ReviewTaskListener.notify)", "org.factdesk.review.ReviewTaskListener.notify"),
            marker("end listener (ReviewEndListener)", "org.factdesk.review.ReviewEndListener.notify"),
            marker("audit append (AuditRepository.append)", "org.factdesk.audit.AuditRepository.append"),
            marker("  SHA-256 chain hash (AuditChain.hash)", "org.factdesk.audit.AuditChain.hash"),
            marker("publication (PublicationService.publish)", "org.factdesk.publication.PublicationService.publish"),
            marker("Camunda job executor (acquire + execute)", "org.camunda.bpm.engine.impl.jobexecutor."),
            marker("Camunda history events (org.camunda.bpm.engine.impl.history)",
                    "org.camunda.bpm.engine.impl.history."),
            marker("Camunda flush to the database (DbEntityManager.flush)",
                    "org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"),
            marker("Camunda authorization checks (AuthorizationManager)",
                    "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"),
            marker("DMN evaluation", "org.camunda.bpm.dmn."),
            marker("MyBatis", "org.apache.ibatis."),
            marker("H2 database engine", "org.h2."),
            marker("PostgreSQL JDBC driver", "org.postgresql."),
            marker("Jackson JSON", "com.fasterxml.jackson."),
            marker("Thymeleaf", "org.thymeleaf."),
            marker("Tomcat and HTTP", "org.apache.coyote.", "org.apache.tomcat."),
            marker("logging (Logback)", "ch.qos.logback."),
            marker("class loading / jar reading", "java.lang.ClassLoader.loadClass", "java.util.zip.",
                    "java.util.jar.", "org.springframework.boot.loader."));

    static final List<Marker> STARTUP = List.of(
            marker("LanguageTool and the detectors", "org.languagetool.", "org.factdesk.detection."),
            marker("Camunda process engine build (ProcessEngineConfigurationImpl.buildProcessEngine)",
                    "org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl.buildProcessEngine"),
            marker("Camunda schema check/creation", "org.camunda.bpm.engine.impl.db.sql.DbSqlSession.dbSchema",
                    "org.camunda.bpm.engine.impl.SchemaOperationsProcessEngineBuild"),
            marker("Camunda deployment (BPMN/DMN parse)", "org.camunda.bpm.engine.impl.cmd.DeployCmd",
                    "org.camunda.bpm.engine.impl.bpmn.parser.", "org.camunda.bpm.model."),
            marker("Camunda webapps (Cockpit/Tasklist/Admin)", "org.camunda.bpm.webapp.", "org.camunda.bpm.cockpit.",
                    "org.camunda.bpm.tasklist.", "org.camunda.bpm.admin."),
            marker("Camunda engine REST (Jersey)", "org.camunda.bpm.engine.rest.", "org.glassfish.jersey."),
            marker("Flyway migrations", "org.flywaydb."),
            marker("FactDesk seed import and demo claims", "org.factdesk.article.SeedImporter",
                    "org.factdesk.demo."),
            marker("FactDesk identity set-up and grants", "org.factdesk.identity.IdentitySetup",
                    "org.factdesk.identity.EngineGrants"),
            marker("springdoc (OpenAPI)", "org.springdoc.", "io.swagger."),
            marker("Hibernate Validator", "org.hibernate.validator."),
            marker("Thymeleaf", "org.thymeleaf."),
            marker("Spring bean creation (AbstractAutowireCapableBeanFactory.createBean)",
                    "org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory.createBean"),
            marker("Spring configuration class parsing / scanning", "org.springframework.context.annotation."),
            marker("Tomcat start", "org.apache.catalina.", "org.apache.tomcat."),
            marker("H2 database engine", "org.h2."),
            marker("class loading / jar reading", "java.lang.ClassLoader.loadClass", "java.util.zip.", "java.util.jar.",
                    "org.springframework.boot.loader.", "jdk.internal.loader."),
            marker("Logback", "ch.qos.logback."));

    private Profile() {
    }

    static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    static String threadKind(String name) {
        if (name == null) {
            return "other";
        }
        if (name.startsWith("http-nio")) {
            return "HTTP request threads";
        }
        if (name.startsWith("inproc-")) {
            return "in-process lifecycle threads (FactDesk's services, no HTTP)";
        }
        if (name.startsWith("camundaTaskExecutor") || name.contains("JobExecutor") || name.startsWith("camunda")) {
            return "Camunda job executor";
        }
        if (name.startsWith("scan-")) {
            return "detector scan pool";
        }
        if (name.equals("main")) {
            return "main";
        }
        return "other (" + name.replaceAll("[-#]?\\d+$", "") + ")";
    }

    /** Prints the summary of a recording through {@link Bench#say}. */
    static void summarise(Path recording, List<Marker> markers, String title, int topFrames) throws IOException {
        List<RecordedEvent> samples = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                samples.add(event);
            }
        }
        int total = samples.size();
        Bench.say("%s: %,d CPU samples (JFR profile settings, one per 10-20 ms of running thread) in %s", title, total,
                recording.getFileName());
        if (total == 0) {
            return;
        }
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        markers.forEach(m -> inclusive.put(m.label(), 0));
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> topFactDesk = new HashMap<>();
        for (RecordedEvent sample : samples) {
            String thread = sample.getThread("sampledThread") == null ? null
                    : sample.getThread("sampledThread").getJavaName();
            threads.merge(threadKind(thread), 1, Integer::sum);
            RecordedStackTrace stack = sample.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<String> frames = stack.getFrames().stream().map(Profile::frameName).toList();
            top.merge(frames.get(0), 1, Integer::sum);
            frames.stream().filter(f -> f.startsWith("org.factdesk.")).findFirst()
                    .ifPresent(f -> topFactDesk.merge(f, 1, Integer::sum));
            for (Marker m : markers) {
                if (frames.stream().anyMatch(m.frame())) {
                    inclusive.merge(m.label(), 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("   by thread:");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "%n      %5.1f%%  %s", 100.0 * e.getValue() / total,
                        e.getKey())));
        out.append("\n   where (inclusive: share of samples with such a frame anywhere on the stack):");
        inclusive.forEach((label, n) -> {
            if (n > 0) {
                out.append(String.format(Locale.ROOT, "%n      %5.1f%%  %s", 100.0 * n / total, label));
            }
        });
        out.append("\n   deepest FactDesk frame (inclusive of what it calls):");
        appendTop(out, topFactDesk, total, topFrames);
        out.append("\n   topmost frames (self time):");
        appendTop(out, top, total, topFrames);
        Bench.say(out.toString());
    }

    private static void appendTop(StringBuilder out, Map<String, Integer> counts, int total, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(n).forEach(e -> out.append(String.format(Locale.ROOT, "%n      %5.1f%%  %s",
                        100.0 * e.getValue() / total, e.getKey())));
    }

    /** Standalone: {@code java ... Profile file.jfr [startup]}. */
    public static void main(String[] args) throws IOException {
        summarise(Path.of(args[0]), args.length > 1 && args[1].equals("startup") ? STARTUP : LIFECYCLE, args[0], 25);
    }
}
