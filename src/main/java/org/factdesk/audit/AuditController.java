package org.factdesk.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.claim.ClaimService;
import org.factdesk.shared.PageLinks;
import org.factdesk.shared.ProblemException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit API: one claim's history and bundle, the log filtered by article, time and actor, its exports, and the
 * chain's verification and head.
 */
@RestController
class AuditController {

    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private final AuditLog log;
    private final ClaimService claims;
    private final AuditVerifier verifier;
    private final AuditExports exports;
    private final ClaimBundles bundles;

    AuditController(AuditLog log, ClaimService claims, AuditVerifier verifier, AuditExports exports,
            ClaimBundles bundles) {
        this.log = log;
        this.claims = claims;
        this.verifier = verifier;
        this.exports = exports;
        this.bundles = bundles;
    }

    @GetMapping("/api/claims/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        List<AuditEntry> history = log.find(new AuditQuery(null, id, null, null, null));
        if (history.isEmpty()) {
            claims.get(id);
        }
        return history;
    }

    @GetMapping("/api/claims/{id}/bundle")
    ClaimBundle bundle(@PathVariable long id) {
        return bundles.of(id);
    }

    /** The log in chain order, a page at a time: a JSON array, its total and links to the others in headers. */
    @GetMapping("/api/audit")
    ResponseEntity<List<AuditEntry>> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE) int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw ProblemException.badRequest("invalid-page", "'page' counts from 0 and 'size' is from 1 to "
                    + MAX_PAGE + "; for the whole log, use /api/audit/export.");
        }
        AuditPage found = log.page(new AuditQuery(articleId, null, from, to, actor), false, page, size);
        return ResponseEntity.ok().headers(PageLinks.of(page, found.lastPage(), found.total()))
                .body(found.entries());
    }

    @GetMapping("/api/audit/verify")
    Verification verify(@RequestParam(required = false) String head, @RequestParam(required = false) Long entries) {
        return verifier.verify(head, entries);
    }

    @GetMapping("/api/audit/head")
    AuditHead head() {
        return verifier.head();
    }

    /**
     * Streams the export straight into the response on the request thread, rather than as an asynchronous
     * {@code StreamingResponseBody}: a long export is then not cut off by the asynchronous request timeout.
     */
    @GetMapping("/api/audit/export")
    void export(@RequestParam(required = false) String format, @RequestParam(required = false) Long articleId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor, HttpServletResponse response) throws IOException {
        AuditExports.ExportFile file = exports.prepare(new AuditQuery(articleId, null, from, to, actor), format);
        response.setContentType(file.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.filename()).build().toString());
        exports.write(file, response.getOutputStream());
    }
}
