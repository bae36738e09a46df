/**
 * The append-only audit log: every step of every claim — who, what, when in UTC, which revision, and the text before
 * and after — written in the same transaction as the step, and the queries auditors and editors read it with.
 * Entries form one SHA-256 hash chain ({@link org.factdesk.audit.AuditChain}) that the database keeps append-only and
 * that {@link org.factdesk.audit.AuditVerifier} (API) and {@link org.factdesk.audit.VerifyAuditCommand} (offline)
 * recompute; {@link org.factdesk.audit.AuditExports} streams the log as CSV or JSON, and
 * {@link org.factdesk.audit.ClaimBundles} gathers one claim's whole story.
 */
package org.factdesk.audit;
