/**
 * Corrections readers can follow: every published correction and clarification, newest first, as a public page
 * ({@code /public/corrections}) and an Atom feed ({@code /public/corrections.atom}).
 */
package org.factdesk.corrections;
