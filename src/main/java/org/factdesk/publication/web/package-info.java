/** What readers see without signing in: the articles with their notices, and the corrections page and feed. */
package org.factdesk.publication.web;
