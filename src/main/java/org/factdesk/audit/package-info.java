/**
 * The append-only audit log: every step of every claim — who, what, when in UTC, which revision, and the text before
 * and after — written in the same transaction as the step, and the queries auditors and editors read it with.
 */
package org.factdesk.audit;
