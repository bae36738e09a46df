package org.factdesk.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The review's settings ({@link ReviewSettings}) and the schedule its backlog check runs on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewSettings.class)
@EnableScheduling
class ReviewConfiguration {
}
