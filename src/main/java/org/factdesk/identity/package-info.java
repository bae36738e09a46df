/**
 * Who may do what: FactDesk's groups and users live in Camunda's identity store, so the API, the pages, Cockpit and
 * Tasklist share one user directory; Spring Security authenticates against it and guards every door. Failed sign-ins
 * are throttled per client, never by locking the account, so nobody can lock anyone else out.
 */
package org.factdesk.identity;
