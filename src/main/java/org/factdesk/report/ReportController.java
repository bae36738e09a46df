package org.factdesk.report;

import java.time.Instant;
import java.util.List;

import org.factdesk.shared.Paged;
import org.factdesk.shared.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The desk's view of reader reports: what readers said, and what triage made of it. Never the reader's email. */
@RestController
class ReportController {

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** A report as the desk reads it: {@code hasEmail} says whether the reader can be told, not how. */
    record ReportView(long id, long articleId, int revision, String quote, int start, int end, String problem,
            boolean hasEmail, ReportState state, Long claimId, String triagedBy, String dismissReason,
            Instant filedAt, Instant triagedAt, Instant erasedAt) {

        static ReportView of(ReaderReport r) {
            return new ReportView(r.id(), r.articleId(), r.revision(), r.quote(), r.anchor().start(),
                    r.anchor().end(), r.problem(), r.hasEmail(), r.state(), r.claimId(), r.triagedBy(),
                    r.dismissReason(), r.filedAt(), r.triagedAt(), r.erasedAt());
        }
    }

    /**
     * A page of the reports, oldest first: a JSON array as it always was, with the total and the links to the other
     * pages in {@code X-Total-Count} and {@code Link}, as the queue answers.
     */
    @GetMapping("/api/reports")
    ResponseEntity<List<ReportView>> search(@RequestParam(required = false) Long articleId,
            @RequestParam(required = false) ReportState state, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paged<ReaderReport> found = reports.search(articleId, state, Paging.of(page, size,
                ReportService.DEFAULT_PAGE, ReportService.MAX_PAGE));
        return ResponseEntity.ok().headers(found.headers())
                .body(found.items().stream().map(ReportView::of).toList());
    }

    @GetMapping("/api/reports/{id}")
    ReportView get(@PathVariable long id) {
        return ReportView.of(reports.get(id));
    }
}
