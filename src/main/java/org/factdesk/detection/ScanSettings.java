package org.factdesk.detection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How FactDesk scans, under {@code factdesk.scan.*}; every key has its default here, so none needs configuring.
 *
 * @param timeLimit        how long one scan may run, in the background or for a request, before it is stopped and
 *                         stores nothing ({@code factdesk.scan.time-limit}, default 30 seconds)
 * @param threads          threads of the background scan pool ({@code factdesk.scan.threads}, default 1): scans
 *                         share the machine with requests and publication, so they take turns
 * @param queueCapacity    background scans that may wait for a thread ({@code factdesk.scan.queue-capacity}, default
 *                         100); one more is dropped, and its article is scanned again on the next start
 * @param interactiveLimit scans that requests may run at once ({@code factdesk.scan.interactive-limit}, default 2):
 *                         {@code POST /api/scan} and a fact-checker's rescan; a further request waits, within its
 *                         time limit, for one of them to finish
 * @param settle           how long a background scan after a published correction waits before it reads the article
 *                         ({@code factdesk.scan.settle}, default 2 seconds): corrections published on one article
 *                         meanwhile join it, so a burst of them costs one scan rather than one per superseded text;
 *                         an import's scan starts at once
 */
@ConfigurationProperties("factdesk.scan")
record ScanSettings(Duration timeLimit, Integer threads, Integer queueCapacity, Integer interactiveLimit,
        Duration settle) {

    ScanSettings {
        timeLimit = timeLimit == null ? Duration.ofSeconds(30) : timeLimit;
        threads = threads == null ? 1 : threads;
        queueCapacity = queueCapacity == null ? 100 : queueCapacity;
        interactiveLimit = interactiveLimit == null ? 2 : interactiveLimit;
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("factdesk.scan.settle must not be negative, not " + settle);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("factdesk.scan.time-limit must be positive, not " + timeLimit);
        }
        if (threads < 1 || queueCapacity < 0 || interactiveLimit < 1) {
            throw new IllegalArgumentException("factdesk.scan.threads and interactive-limit must be at least 1, "
                    + "queue-capacity at least 0");
        }
    }
}
