package org.factdesk.detection;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * On start, once the seed import is done, scans again every article whose current revision has no finished scan: a
 * scan lost to a crash or a restart, or dropped from a full queue. A scan that stopped at its time limit or failed is
 * tried again on later starts, once per start, until it has not finished {@value ScanStateRepository#MAX_FAILURES}
 * times for the same revision; then only a correction or a fact-checker's rescan scans it again. Nothing re-queues a
 * scan within one run, so an article that cannot be scanned never keeps the pool busy.
 */
@Component
class LostScans {

    private static final Logger log = LoggerFactory.getLogger(LostScans.class);

    private final ScanStateRepository states;
    private final BackgroundScans scans;
    private final TaskExecutor scanPool;

    LostScans(ScanStateRepository states, BackgroundScans scans,
            @Qualifier(ScanExecutorConfiguration.SCAN_EXECUTOR) TaskExecutor scanPool) {
        this.states = states;
        this.scans = scans;
        this.scanPool = scanPool;
    }

    /** Runs after every {@code ApplicationRunner}, and so after the seed import. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        queue();
    }

    /** Queues a scan of every article that needs one and answers how many. */
    int queue() {
        List<Long> lost = states.needingScan();
        if (!lost.isEmpty()) {
            log.info("{} article(s) have no finished scan of their current text; scanning them on the scan pool",
                    lost.size());
            next(new ArrayDeque<>(lost));
        }
        return lost.size();
    }

    /**
     * Queues the first remaining article, and the rest after it: one at a time, behind the scans imports and
     * corrections queue meanwhile, so a long list of lost scans neither fills the queue nor delays fresh ones much.
     */
    private void next(Deque<Long> remaining) {
        scanPool.execute(() -> {
            Long article = remaining.poll();
            // The import's own scan may have finished since the list was read (the seed import's, on start).
            if (article != null && states.needsScan(article)) {
                scans.scan(article, "no finished scan of its current text");
            }
            if (!remaining.isEmpty()) {
                next(remaining);
            }
        });
    }
}
