package org.factdesk.article;

/** Whether a published update changed the text (a correction) or only explained it (a clarification). */
public enum CorrectionKind {
    CORRECTION, CLARIFICATION
}
