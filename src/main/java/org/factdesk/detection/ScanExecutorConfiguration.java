package org.factdesk.detection;

import java.lang.reflect.Method;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The scan pool: a few threads of FactDesk's own with a bounded queue, on which every background scan runs. Camunda's
 * job executor, whose threads publish corrections, never runs a scan, and a full queue drops a scan instead of making
 * its caller wait. The pool is also the application's default for {@code @Async}: otherwise Spring would pick the only
 * other executor there is, Camunda's, for any {@code @Async} that names none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScanSettings.class)
class ScanExecutorConfiguration implements AsyncConfigurer {

    /** The scan pool's bean name, for {@code @Async} and {@code @Qualifier}. */
    static final String SCAN_EXECUTOR = "scanExecutor";
    /** Its threads' names start with this, so a thread dump tells scans from publication. */
    static final String THREAD_PREFIX = "scan-";

    private static final Logger log = LoggerFactory.getLogger(ScanExecutorConfiguration.class);

    private final ObjectProvider<Executor> scanExecutor;

    /** The pool is looked up when first needed: async set-up runs early, before properties are bound. */
    ScanExecutorConfiguration(@Qualifier(SCAN_EXECUTOR) ObjectProvider<Executor> scanExecutor) {
        this.scanExecutor = scanExecutor;
    }

    @Bean
    DroppedScans droppedScans() {
        return new DroppedScans();
    }

    @Bean(SCAN_EXECUTOR)
    ThreadPoolTaskExecutor scanExecutor(ScanSettings settings, DroppedScans dropped) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(settings.threads());
        pool.setMaxPoolSize(settings.threads());
        pool.setQueueCapacity(settings.queueCapacity());
        pool.setThreadNamePrefix(THREAD_PREFIX);
        pool.setRejectedExecutionHandler(dropped);
        // On shutdown ScanShutdown empties the queue and tells running scans to stop; the pool then waits for them
        // rather than interrupt them, as an interrupt while H2 writes its file can close it under the database.
        pool.setWaitForTasksToCompleteOnShutdown(true);
        pool.setAwaitTerminationSeconds(10);
        return pool;
    }

    @Override
    public Executor getAsyncExecutor() {
        return scanExecutor.getObject();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (Throwable e, Method method, Object... params) ->
                log.error("Background task {} failed", method.getName(), e);
    }
}
