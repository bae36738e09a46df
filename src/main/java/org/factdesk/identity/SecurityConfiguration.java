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
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
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

    private static final String[] STAFF = {"FACT_CHECKERS", "EDITORS", "AUDITORS", "ADMINS"};

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

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/api/**"), path(HttpMethod.GET, "/engine-rest/**"))
                                .hasAnyRole(STAFF)
                        // Fact-checkers and editors work their tasks through the engine REST API too; the engine's
                        // listeners hold them to their own group and to four-eyes. Everything else that changes the
                        // engine is for admins.
                        .requestMatchers(path("/engine-rest/task/**")).hasAnyRole("FACT_CHECKERS", "EDITORS", "ADMINS")
                        .requestMatchers(path("/engine-rest/**")).hasRole("ADMINS")
                        .requestMatchers(path(HttpMethod.POST, "/api/**"))
                                .hasAnyRole("FACT_CHECKERS", "EDITORS", "ADMINS")
                        .anyRequest().hasRole("ADMINS"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthorized())
                        .accessDeniedHandler(problems.forbidden()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic calls carry no cookie a forged page could ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health")).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/login", "/error", "/public/**", "/css/**", "/js/**").permitAll()
                        .requestMatchers(path("/h2-console/**")).hasRole("ADMINS")
                        .requestMatchers(path("/camunda/app/tasklist/**"), path("/camunda/api/tasklist/**"),
                                path("/camunda/api/engine/**")).hasAnyRole("FACT_CHECKERS", "EDITORS", "ADMINS")
                        .requestMatchers(path("/camunda/app/welcome/**"), path("/camunda/api/admin/auth/**"))
                                .hasAnyRole("FACT_CHECKERS", "EDITORS", "ADMINS")
                        .requestMatchers(path("/camunda/app/**"), path("/camunda/api/**")).hasRole("ADMINS")
                        .requestMatchers(path("/camunda/**")).authenticated()
                        // FactDesk's pages (org.factdesk.web); the services check roles again.
                        .requestMatchers("/tasks/**").hasAnyRole("FACT_CHECKERS", "EDITORS")
                        .requestMatchers("/audit/**").hasAnyRole("EDITORS", "AUDITORS", "ADMINS")
                        .requestMatchers("/articles/**").hasAnyRole(STAFF)
                        .anyRequest().authenticated())
                // FactDesk's sign-in page; afterwards the page that asked for it, or the person's own queue ("/").
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The H2 console is a framed page that posts its own forms.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/h2-console/**"), path("/camunda/api/**")))
                .headers(headers -> headers.addHeaderWriter(new XFrameOptionsHeaderWriter(
                        XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN)).frameOptions(frame -> frame.disable()));
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
