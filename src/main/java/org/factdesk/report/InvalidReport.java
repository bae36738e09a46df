package org.factdesk.report;

import org.factdesk.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A reader's report refused for one field, which the form marks with the message. */
public class InvalidReport extends ProblemException {

    private final String field;

    InvalidReport(String field, String type, String message) {
        super(HttpStatus.BAD_REQUEST, type, message);
        this.field = field;
    }

    /** The form field to fix: quote, problem, email or consent. */
    public String field() {
        return field;
    }
}
