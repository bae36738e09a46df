/**
 * Detection: FactDesk scans an article's text for likely errors (spelling and grammar, names spelled two ways,
 * real-word typos, repeated and missing words, times, numbers, duplicated paragraphs and altered quotations), stores
 * them as suggestions per article, and turns an accepted one into a flagged claim with the detector as its source.
 */
package org.factdesk.detection;
