/**
 * Articles and their revisions: the import of the seed format, the current text, and text anchoring that finds a
 * quote again after earlier corrections moved it.
 */
package org.factdesk.article;
