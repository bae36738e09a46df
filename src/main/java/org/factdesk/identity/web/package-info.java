/** The sign-in page and the front door that sends each person to their work. */
package org.factdesk.identity.web;
