/**
 * What every feature's pages share: the {@link org.factdesk.shared.web.Page} stereotype and its error page, times as
 * the newsroom reads them, word diffs and marked article text. Each feature keeps its own pages in its {@code web}
 * package, and they call the feature services, never repositories, so every rule the API obeys holds there too.
 */
package org.factdesk.shared.web;
