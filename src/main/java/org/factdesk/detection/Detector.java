package org.factdesk.detection;

import java.util.List;

/** One kind of check over an article's text; implementations are stateless after construction and thread-safe. */
public interface Detector {

    /** The short name that becomes a claim's source, {@code detector:<name>}. */
    String name();

    List<Suggestion> detect(ScanDocument document);
}
