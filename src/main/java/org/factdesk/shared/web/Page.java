package org.factdesk.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller that answers with server-rendered pages rather than JSON: its failures get the error page, never
 * problem+json. Each feature's {@code web} package holds its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface Page {

    /** Sent by a page's script when it wants an updated fragment of the page instead of a redirect. */
    String FRAGMENT_HEADER = "X-FactDesk-Fragment";
}
