package org.factdesk.shared;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the clock every feature reads time from, so tests can set it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FactDeskProperties.class)
class SharedConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
