package org.factdesk.identity;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Guards every door. {@code /api} and {@code /engine-rest}: HTTP Basic, no session, auditors read-only. FactDesk's
 * pages, Camunda's webapps and the H2 console: FactDesk's sign-in form at {@code /login} (CSRF on every form), then
 * single sign-on into Cockpit and Tasklist. Health, the OpenAPI description and the public article pages are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {


    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * A matcher on the whole path within the application. The engine REST API, Camunda's webapp APIs and the H2
     * console are servlets of their own, which Spring MVC's default matchers never see.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    /**
     * The only calls that change the engine a fact-checker or editor may make through Camunda's APIs: task queries
     * (sent as POST), claiming, giving back, completing a task and commenting on it, and listing a saved filter. The
     * engine's authorizations and the review listeners then decide whether the task is theirs to work. Every other
     * change (users, groups, memberships, identity links, variables, BPMN errors, new tasks, process instances) is for
     * administrators. {@code prefix} is where the API is mounted: {@code /engine-rest}, or Tasklist's
     * {@code /camunda/api/engine/engine/*}.
     */
    static RequestMatcher taskWork(String prefix) {
        return new OrRequestMatcher(
                path(HttpMethod.POST, prefix + "/task"),
                path(HttpMethod.POST, prefix + "/task/count"),
                path(HttpMethod.POST, prefix + "/task/*/claim"),
                path(HttpMethod.POST, prefix + "/task/*/unclaim"),
                path(HttpMethod.POST, prefix + "/task/*/complete"),
                path(HttpMethod.POST, prefix + "/task/*/submit-form"),
                path(HttpMethod.POST, prefix + "/task/*/comment/create"),
                path(HttpMethod.POST, prefix + "/filter/*/list"),
                path(HttpMethod.POST, prefix + "/filter/*/count"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/**"), path(HttpMethod.GET, "/engine-rest/**"))
                                .hasAnyRole(Roles.STAFF)
                        .requestMatchers(taskWork("/engine-rest")).hasAnyRole(Roles.TASK_WORKERS)
                        .requestMatchers(path("/engine-rest/**")).hasRole(Roles.ADMINS)
                        .requestMatchers(path(HttpMethod.POST, "/api/**"))
                                .hasAnyRole(Roles.TASK_WORKERS)
                        .anyRequest().hasRole(Roles.ADMINS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // Stateless HTTP Basic calls carry no cookie a forged page could ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, Environment environment, ProblemResponses problems)
            throws Exception {
        boolean production = environment.acceptsProfiles(Profiles.of("prod"));
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health")).permitAll();
                    // The API's description says what an attacker could try; in production only staff read it.
                    if (production) {
                        requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .hasAnyRole(Roles.STAFF);
                    } else {
                        requests.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll();
                    }
                    requests.requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**", "/favicon.svg").permitAll()
                        .requestMatchers(path("/h2-console/**")).hasRole(Roles.ADMINS)
                        .requestMatchers(path(HttpMethod.GET, "/camunda/api/engine/**"))
                                .hasAnyRole(Roles.TASK_WORKERS)
                        .requestMatchers(taskWork("/camunda/api/engine/engine/*"))
                                .hasAnyRole(Roles.TASK_WORKERS)
                        .requestMatchers(path("/camunda/api/engine/**")).hasRole(Roles.ADMINS)
                        .requestMatchers(path("/camunda/app/tasklist/**"), path("/camunda/api/tasklist/**"))
                                .hasAnyRole(Roles.TASK_WORKERS)
                        // Camunda's own sign-in checks passwords behind FactDesk's throttle; with single sign-on
                        // nobody needs it.
                        .requestMatchers(path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**")).denyAll()
                        .requestMatchers(path("/camunda/app/welcome/**"), path("/camunda/api/admin/auth/**"))
                                .hasAnyRole(Roles.TASK_WORKERS)
                        .requestMatchers(path("/camunda/app/**"), path("/camunda/api/**")).hasRole(Roles.ADMINS)
                        .requestMatchers(path("/camunda/**")).authenticated()
                        // FactDesk's pages (org.factdesk.web); the services check roles again.
                        .requestMatchers("/tasks/**").hasAnyRole(Roles.REVIEW_STEP_WORKERS)
                        .requestMatchers("/audit/**").hasAnyRole(Roles.AUDIT_READERS)
                        .requestMatchers("/articles/**").hasAnyRole(Roles.STAFF)
                        .requestMatchers("/admin/**").hasRole(Roles.ADMINS)
                        .anyRequest().authenticated();
                })
                // FactDesk's sign-in page; afterwards the page that asked for it, or the person's own queue ("/").
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Camunda's webapp APIs answer a refusal as JSON, like the engine REST API, not with the sign-in page;
                // pages answer it with FactDesk's error page. Both are named: with one handler alone Spring Security
                // uses it for every request, and pages answered with JSON.
                .exceptionHandling(errors -> errors
                        .defaultAccessDeniedHandlerFor(problems.forbidden(), path("/camunda/api/**"))
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                // The H2 console is a framed page that posts its own forms.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/h2-console/**"), path("/camunda/api/**")))
                .headers(headers -> headers
                        .addHeaderWriter(new XFrameOptionsHeaderWriter(
                                XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN))
                        .frameOptions(frame -> frame.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        // FactDesk's pages load scripts, styles and images from FactDesk only and have no inline
                        // script; Camunda's webapps send a policy of their own, and the H2 console and Swagger UI
                        // need inline script.
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(path("/camunda/**"),
                                        path("/h2-console/**"), path("/swagger-ui/**"))),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /** Runs after Spring Security, once the caller is known. */
    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineAuthenticationFilter(IdentityService identity,
            UserDirectory directory) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter(identity, directory));
        // The pages that claim and complete tasks or flag claims need the engine to know the user as much as the API.
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/tasks/*", "/articles/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** Signs the person Spring Security authenticated into Cockpit and Tasklist, so nobody signs in twice. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
