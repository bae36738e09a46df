package org.factdesk.shared;

import java.net.URI;
import java.sql.SQLException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with FactDesk's stable type URIs ({@code urn:factdesk:problem:<kind>}). */
public final class Problems {

    private static final String PREFIX = "urn:factdesk:problem:";

    /**
     * The request attribute naming the kind of a problem that is answered by {@code sendError} (from a filter, before
     * any controller), so the error page can give it its stable type.
     */
    public static final String KIND_ATTRIBUTE = Problems.class.getName() + ".kind";

    private Problems() {
    }

    public static URI type(String kind) {
        return URI.create(PREFIX + kind);
    }

    /**
     * The refusal for a value the database would not store (SQLState class 22, "data exception": longer than its
     * column, out of range, a character the encoding cannot hold), or null for any other failure. The statement
     * failed, so its transaction rolls back and nothing of the request is written; the limits in
     * {@link InputLimits} normally refuse such a value before any statement runs.
     */
    public static ProblemException unstorable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return ProblemException.badRequest("value-not-storable", "A value is too long for FactDesk to store, "
                        + "or holds a character it cannot store. Nothing was changed: shorten the longest text and "
                        + "send it again.");
            }
        }
        return null;
    }

    /**
     * A value someone sent, made safe to repeat in a message: at most 80 characters (then an ellipsis), control characters and halves
     * of surrogate pairs shown as U+FFFD, so the answer itself is always well-formed.
     */
    public static String shown(Object value) {
        return shown(value, 80);
    }

    /** {@link #shown(Object)} with room for {@code max} characters. */
    public static String shown(Object value, int max) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && shown.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c)) {
                shown.append('\uFFFD');
            } else {
                shown.append(c);
            }
        }
        return i < text.length() ? shown + "\u2026" : shown.toString();
    }

    public static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
