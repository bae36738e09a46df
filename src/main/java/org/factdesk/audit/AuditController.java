package org.factdesk.audit;

import java.time.Instant;
import java.util.List;

import org.factdesk.claim.ClaimService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit API: one claim's history, and the log filtered by article, time and actor. */
@RestController
class AuditController {

    private final AuditLog log;
    private final ClaimService claims;

    AuditController(AuditLog log, ClaimService claims) {
        this.log = log;
        this.claims = claims;
    }

    @GetMapping("/api/claims/{id}/history")
    List<AuditEntry> history(@PathVariable long id) {
        List<AuditEntry> history = log.find(new AuditQuery(null, id, null, null, null));
        if (history.isEmpty()) {
            claims.get(id);
        }
        return history;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor) {
        return log.find(new AuditQuery(articleId, null, from, to, actor));
    }
}
