package org.factdesk.shared;

import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guards every request passes before a feature sees it, so bad input is a clear 4xx and never a 500 or an HTML
 * page from Tomcat: the body size limit, clean parameters, the firewall's and Tomcat's own refusals as problems, and
 * the error page that answers what no controller did.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CleanParameters());
    }

    /** Before Spring Security: a body too large is refused before anything, even the sign-in check, reads it. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit() {
        FilterRegistrationBean<BodySizeLimit> registration =
                new FilterRegistrationBean<>(new BodySizeLimit(InputLimits.REQUEST_BYTES));
        // FactDesk's own doors; the engine REST API and Cockpit (deployments, for admins) keep their own limits.
        registration.addUrlPatterns("/api/*", "/articles/*", "/tasks/*", "/audit/*", "/login", "/logout");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The firewall's refusal (an encoded percent, a semicolon, a backslash...) goes to the error page with its reason. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            request.setAttribute(Problems.KIND_ATTRIBUTE, "malformed-request");
            response.sendError(HttpStatus.BAD_REQUEST.value(), rejected.getMessage()
                    + ". Send the address without it.");
        };
    }

    @Bean
    ProblemErrorController problemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
            ObjectProvider<ErrorViewResolver> resolvers) {
        return new ProblemErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList());
    }

    /**
     * Puts {@link ProblemErrorReportValve} in place of the Host's error report valve (Spring Boot adds a plain one to
     * hide the server's version), so what Tomcat refuses before FactDesk sees it is answered as a problem too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : List.of(host.getPipeline().getValves())) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
