/**
 * Crash tests: FactDesk as a child JVM, killed with SIGKILL while approvals and publications are in flight and started
 * again on the same data, to show that an answered step is durable and that publications finish exactly once.
 */
package org.factdesk.crash;
