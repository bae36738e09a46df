package org.factdesk.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code factdesk.reports.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
class ReportConfiguration {
}
