/**
 * Who may do what: FactDesk's groups and users live in Camunda's identity store, so the API, the pages, Cockpit and
 * Tasklist share one user directory; Spring Security authenticates against it and guards every door.
 */
package org.factdesk.identity;
