package org.factdesk.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.factdesk.report.ReaderReport;
import org.factdesk.report.ReportService;
import org.factdesk.report.ReportState;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Listens to the end of every triage. It ends through one of its end events once the report is triaged; any other
 * end (a BPMN error thrown at the task, the instance deleted) would leave the report open with no task, so it is
 * refused for everyone but an administrator.
 */
@Component(ReaderReportProcess.Bean.READER_REPORT_END_LISTENER)
class ReaderReportEndListener implements ExecutionListener {

    private final ReportService reports;
    private final CurrentActor actor;

    ReaderReportEndListener(ReportService reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id;
        try {
            id = ReviewVariables.reportId(execution);
        } catch (ProblemException notATriage) {
            return;
        }
        ReaderReport report = reports.find(id).orElse(null);
        if (report == null || report.state() != ReportState.OPEN) {
            return;
        }
        if (actor.isPerson() && !actor.isAdministrator()) {
            throw EngineRefusals.remember(ProblemException.forbidden("triage-cannot-end-here", "The triage of reader "
                    + "report " + id + " ends only by accepting, merging or dismissing it; " + actor.userOr(null)
                    + " may not end it at '" + execution.getCurrentActivityName() + "'."));
        }
    }
}
