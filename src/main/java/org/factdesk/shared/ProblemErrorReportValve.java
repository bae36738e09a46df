package org.factdesk.shared;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request it refused before FactDesk saw it — an address with {@code %00} or an encoded
 * slash, a malformed request line — as problem+json instead of Tomcat's HTML page. It replaces the Host's
 * {@link ErrorReportValve}; everything FactDesk itself answers has been written already and passes through untouched.
 * The answer is JSON even for a browser: no FactDesk page links to such an address, and Tomcat knows too little of
 * the request at this point to tell a page from an API call.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        // As Tomcat's own valve: only an error, only when nothing was written, and only once.
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // Tomcat's own message ("Invalid URI") is less use to the sender than what to check.
            byte[] body = json(ProblemErrorController.problem(status, null, null));
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(new String(body, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone or the response cannot take a body: nothing more to say.
        }
    }

    static byte[] json(Map<String, Object> problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of strings and numbers is always JSON", e);
        }
    }
}
