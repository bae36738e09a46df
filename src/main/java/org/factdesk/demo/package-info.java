/** The demo newsroom outside profile prod: its people, and the seed article's three example claims. */
package org.factdesk.demo;
