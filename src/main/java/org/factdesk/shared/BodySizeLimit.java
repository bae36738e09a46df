package org.factdesk.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@link InputLimits#REQUEST_BYTES} with 413 before it is read: a declared length at
 * once, a chunked body as soon as it passes the limit. No FactDesk request needs more (an article file at its limit
 * is smaller), and a body that is never read cannot fill memory.
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimit(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // The error page answers: problem+json for the API, the error view for a page.
            request.setAttribute(Problems.KIND_ATTRIBUTE, "too-large");
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), "The request body is " + declared
                    + " bytes; FactDesk takes at most " + limit + ".");
            return;
        }
        chain.doFilter(declared < 0 ? new Counted(request, limit) : request, response);
    }

    /** A body of unknown length, counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), limit);
            }
            return counted;
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // Unchecked, so that it reaches the API's handler through any reader (Jackson, String) unwrapped.
                throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "The request body is over "
                        + limit + " bytes, the most FactDesk takes.");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
