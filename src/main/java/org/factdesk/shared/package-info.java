/**
 * What every feature shares and none owns: configuration, the clock and newsroom time, and the RFC 9457 problem answers.
 */
package org.factdesk.shared;
