package org.factdesk.benchmark;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The like-for-like yardstick's server: a bare Camunda 7.24 engine behind Camunda's own REST API (the Spring Boot REST
 * starter), in a JVM of its own as FactDesk runs, on an H2 file with FactDesk's URL options, full history, the job
 * executor on, HTTP Basic checked by the engine's own authentication filter on every request, and no authorization
 * checks (as the in-process yardstick). Its model is the in-process one with the service task asynchronous, as
 * FactDesk's publication is. Started by {@link RestLifecycles} with {@code java -cp <test classpath>}.
 */
// Deliberately no @Configuration (nor @SpringBootConfiguration): FactDesk's tests scan org.factdesk for components,
// and this class's exclusions would switch FactDesk's security off there. A primary source needs neither.
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        FlywayAutoConfiguration.class, CamundaBpmWebappAutoConfiguration.class})
public class BareRestEngine {

    static final String PROCESS = "BareRestLifecycle";
    /** The demo users the benchmark's client signs in as, in the groups the model's tasks name. */
    static final Map<String, String> USERS = Map.of("fiona", "fact-checkers", "farid", "fact-checkers",
            "edith", "editors", "audrey", "auditors");

    /** Arguments: the H2 file's directory. The port comes from {@code SERVER_PORT}. */
    public static void main(String[] args) {
        String dir = args[0];
        new SpringApplicationBuilder(BareRestEngine.class).properties(Map.ofEntries(
                Map.entry("spring.datasource.url", "jdbc:h2:file:" + dir + "/bare-rest;" + Bench.H2_OPTIONS),
                Map.entry("spring.datasource.username", "sa"),
                Map.entry("spring.datasource.password", ""),
                Map.entry("camunda.bpm.history-level", "full"),
                Map.entry("camunda.bpm.database.schema-update", "true"),
                Map.entry("camunda.bpm.job-execution.enabled", "true"),
                Map.entry("camunda.bpm.authorization.enabled", "false"),
                Map.entry("camunda.bpm.auto-deployment-enabled", "false"),
                Map.entry("camunda.bpm.generic-properties.properties.historyTimeToLive", "P180D"),
                Map.entry("camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern", "[a-zA-Z0-9-]+"),
                Map.entry("management.endpoints.web.exposure.include", "health"))).run(args);
    }

    /** Camunda's own HTTP Basic check on the REST API: each request's password is checked by the engine. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    ApplicationRunner setUp(ProcessEngine engine) {
        return args -> {
            IdentityService identity = engine.getIdentityService();
            for (String group : List.copyOf(new java.util.TreeSet<>(USERS.values()))) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    Group g = identity.newGroup(group);
                    g.setName(group);
                    identity.saveGroup(g);
                }
            }
            USERS.forEach((user, group) -> {
                if (identity.createUserQuery().userId(user).count() == 0) {
                    User u = identity.newUser(user);
                    u.setPassword("demo");
                    identity.saveUser(u);
                    identity.createMembership(user, group);
                }
            });
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(180)
                    .startEvent()
                    .userTask("Task_Verify").camundaCandidateGroups("fact-checkers")
                    .userTask("Task_Approve").camundaCandidateGroups("editors")
                    .serviceTask("Task_Publish").camundaAsyncBefore()
                    .camundaExpression("${execution.setVariable('published', true)}")
                    .endEvent()
                    .done();
            engine.getRepositoryService().createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model)
                    .enableDuplicateFiltering(true).deploy();
        };
    }
}
