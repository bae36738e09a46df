package org.factdesk.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.claim.ClaimService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

    @GetMapping("/api/audit")
    List<AuditEntry> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor) {
        return log.find(new AuditQuery(articleId, null, from, to, actor));
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
