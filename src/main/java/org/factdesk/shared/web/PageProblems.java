package org.factdesk.shared.web;

import org.factdesk.shared.Refusal;
import org.factdesk.shared.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for a request a {@link Page} could not serve, read by the same {@link Refusals} as the API's
 * problem+json: the status, and the refusal's sentence (a fault says only that it is logged). Limited to pages, so
 * the API keeps answering in problem+json.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final Refusals refusals;

    PageProblems(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView refused(Exception exception) {
        Refusal refusal = refusals.of(exception);
        if (refusal.isFault()) {
            log.error("A page failed", exception);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(refusal.status());
        page.addObject("status", refusal.status().value());
        page.addObject("error", refusal.status().getReasonPhrase());
        page.addObject("message", refusal.message());
        return page;
    }
}
