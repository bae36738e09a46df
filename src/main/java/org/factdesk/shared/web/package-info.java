/**
 * The newsroom's pages: sign-in, the review queue, articles with their claims, the Verify claim and Approve
 * correction forms, the audit log, and the public article page readers see. Server-rendered with Thymeleaf; the
 * pages call the feature services, never their repositories, so every rule the API obeys holds here too.
 */
package org.factdesk.shared.web;
