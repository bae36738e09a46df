package org.factdesk.review;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.factdesk.report.ReaderReportFiled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ReaderReportProcess.Var;

/**
 * Starts the triage of a reader report in the transaction that stores it; the business key is the report id. A
 * report that cannot start its triage is not stored: no report waits where the desk cannot see it.
 */
@Component
class TriageStarter {

    private final RuntimeService runtime;
    private final IdentityService identity;

    TriageStarter(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    @EventListener
    void on(ReaderReportFiled filed) {
        // Readers have no account: FactDesk starts the triage itself, as it starts a claim's review.
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.startProcessInstanceByKey(ReaderReportProcess.PROCESS_ID, String.valueOf(filed.reportId()),
                    Map.of(Var.REPORT_ID, filed.reportId(), Var.ARTICLE_ID, filed.articleId()));
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
