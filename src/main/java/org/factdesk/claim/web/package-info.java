/**
 * The desk's articles: the list with open claims, and one article with its claims marked, the flag form, and the
 * suggestions other features offer through {@link org.factdesk.claim.web.ArticleSuggestions}.
 */
package org.factdesk.claim.web;
