package org.factdesk.detection;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scan pool does with a scan its queue has no room for: it drops it, counts it and says so in the log,
 * rather than run it on the thread that asked (an import's request, or the job executor thread that publishes a
 * correction) or make that thread wait. The article's scan state still names an older revision, so the scan runs on
 * the next start.
 */
final class DroppedScans implements RejectedExecutionHandler {

    private static final Logger log = LoggerFactory.getLogger(DroppedScans.class);

    private final AtomicLong dropped = new AtomicLong();

    @Override
    public void rejectedExecution(Runnable scan, ThreadPoolExecutor pool) {
        long count = dropped.incrementAndGet();
        if (scan instanceof BackgroundScans.QueuedScan queued) {
            queued.dropped();
        }
        if (pool.isShutdown()) {
            log.info("Scan not queued: the application is stopping; it runs on the next start");
            return;
        }
        log.warn("The scan queue is full ({} waiting, {} dropped since start): a scan was dropped. Its article keeps "
                + "its earlier suggestions and is scanned again on the next start", pool.getQueue().size(), count);
    }

    /** Scans dropped since start. */
    long count() {
        return dropped.get();
    }
}
