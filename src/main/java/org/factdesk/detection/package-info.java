/**
 * Detection: FactDesk scans an article's text for likely errors (spelling and grammar, names spelled two ways,
 * real-word typos, repeated and missing words, times, numbers, duplicated paragraphs and altered quotations), stores
 * them as suggestions per article, and turns an accepted one into a flagged claim with the detector as its source.
 *
 * <p>Scans after an import or a correction run on the scan pool ({@link org.factdesk.detection.ScanSettings}:
 * {@code factdesk.scan.*}), never on Camunda's job executor; every scan reads a bounded part of its text and stops at
 * its time limit, and each article's scan state lets the next start re-run a scan that was lost.
 */
package org.factdesk.detection;
