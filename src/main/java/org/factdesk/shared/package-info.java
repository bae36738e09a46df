/**
 * What every feature shares and none owns: configuration, the clock and newsroom time, the limits on input, the RFC 9457
 * problem answers, and the guards every request passes (body size, clean text, malformed addresses) before a feature
 * sees it.
 */
package org.factdesk.shared;
