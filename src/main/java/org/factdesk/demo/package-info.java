/** The demo newsroom: the seed article's three example claims, flagged on its first import outside profile prod. */
package org.factdesk.demo;
