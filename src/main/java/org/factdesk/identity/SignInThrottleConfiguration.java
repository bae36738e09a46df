package org.factdesk.identity;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Protects sign-in against guessing without letting anyone lock an account: the engine's per-account lock-out is off,
 * and failed sign-ins are throttled per client ({@code factdesk.login.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SignInThrottleProperties.class)
class SignInThrottleConfiguration {

    @Bean
    NoAccountLockoutPlugin noAccountLockoutPlugin() {
        return new NoAccountLockoutPlugin();
    }

    @Bean
    SignInThrottle signInThrottle(SignInThrottleProperties settings, Clock clock) {
        return new SignInThrottle(settings, clock);
    }

    @Bean
    SignInOutcomes signInOutcomes(SignInThrottle throttle) {
        return new SignInOutcomes(throttle);
    }

    /** Runs just before Spring Security, so a refused client's password is never checked. */
    @Bean
    FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInThrottle throttle, ObjectMapper json) {
        FilterRegistrationBean<SignInThrottleFilter> registration =
                new FilterRegistrationBean<>(new SignInThrottleFilter(throttle, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
