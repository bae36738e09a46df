package org.factdesk.detection;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Ends scanning when the application stops: the queued scans are dropped and the running ones stop at their next
 * check, before the pool shuts down, so stopping takes moments and interrupts no thread. Their articles' scan state
 * is unchanged, so they are scanned on the next start.
 */
@Component
class ScanShutdown implements ApplicationListener<ContextClosedEvent> {

    private final ThreadPoolTaskExecutor pool;
    private volatile boolean stopping;

    ScanShutdown(@Qualifier(ScanExecutorConfiguration.SCAN_EXECUTOR) ThreadPoolTaskExecutor pool) {
        this.pool = pool;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
        pool.getThreadPoolExecutor().getQueue().clear();
    }

    boolean stopping() {
        return stopping;
    }
}
