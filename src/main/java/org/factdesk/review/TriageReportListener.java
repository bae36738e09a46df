package org.factdesk.review;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.factdesk.claim.Claim;
import org.factdesk.report.ReaderReport;
import org.factdesk.report.ReportService;
import org.factdesk.report.Triage;
import org.factdesk.shared.ProblemException;
import org.springframework.stereotype.Component;

import static org.factdesk.review.ReaderReportProcess.Var;

/**
 * Listens to the Triage report task, inside the engine, so its rules hold for FactDesk's API, Tasklist and the engine
 * REST API alike: only fact-checkers take or complete it, only its holder (or an administrator) gives it back, a
 * completion sets its form and nothing else, and its outcome is carried out by the report feature in the same
 * transaction: accept (a claim with source reader, whose review then starts), merge (into an open claim on the same
 * words) or dismiss (with a reason). A refused outcome rolls the completion back, and the task stays open. Each
 * event also changes the task's row in {@link OpenTasks}.
 */
@Component(ReaderReportProcess.Bean.TRIAGE_REPORT_LISTENER)
class TriageReportListener implements TaskListener {

    private final ReportService reports;
    private final CurrentActor actor;
    private final TaskGroups taskGroups;
    private final ReviewListening listening;
    private final TaskAssignments assignments;

    TriageReportListener(ReportService reports, CurrentActor actor, TaskGroups taskGroups,
            ReviewListening listening, TaskAssignments assignments) {
        this.assignments = assignments;
        this.reports = reports;
        this.actor = actor;
        this.taskGroups = taskGroups;
        this.listening = listening;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            handle(task);
        } catch (ProblemException refusal) {
            throw EngineRefusals.remember(refusal);
        }
    }

    private void handle(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                ReaderReport report = report(task);
                listening.openedTriage(task, report.id(), report.articleId(), report.quote());
            }
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE -> holderChanged(task);
            case EVENTNAME_COMPLETE -> {
                complete(task);
                listening.closed(task);
            }
            case EVENTNAME_DELETE -> listening.closed(task);
            default -> {
            }
        }
    }

    private ReaderReport report(DelegateTask task) {
        long id = ReviewVariables.reportId(task.getExecution());
        return reports.find(id).orElseThrow(() -> ProblemException.notFound("report-not-found",
                "There is no reader report with id " + id + "."));
    }

    private void holderChanged(DelegateTask task) {
        String assignee = task.getAssignee();
        String before = listening.holderBefore(task).orElse(null);
        if (assignee != null) {
            taskGroups.requireMember(assignee, task.getTaskDefinitionKey(), task.getName());
            if (!assignee.equals(before)) {
                String by = actor.userOr(null);
                if (by != null && !by.equals(assignee) && !actor.isAdministrator()) {
                    assignments.requireMayAssign(by, before, task.getTaskDefinitionKey(), task.getName());
                }
                listening.holderChanged(task, assignee);
            }
        } else if (before != null) {
            String by = actor.userOr(before);
            // As for a claim's tasks: only its holder or an administrator gives a task back.
            if (actor.isPerson() && !by.equals(before) && !actor.isAdministrator()) {
                throw heldBy(task, before);
            }
            listening.holderChanged(task, null);
        }
    }

    private void complete(DelegateTask task) {
        ReaderReport report = report(task);
        String user = actor.userOr(task.getAssignee());
        if (user == null) {
            throw ProblemException.badRequest("unknown-actor", task.getName() + " was completed without a known user.");
        }
        taskGroups.requireMember(user, task.getTaskDefinitionKey(), task.getName());
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            throw heldBy(task, task.getAssignee());
        }
        requireUntouchedVariables(task, report);
        Triage outcome = ReviewVariables.enumValue(task, Var.OUTCOME, Triage.class);
        Long claimId = switch (outcome) {
            case ACCEPT -> {
                Claim claim = reports.accept(report.id(), user, ReviewVariables.text(task, Var.CATEGORY),
                        ReviewVariables.text(task, Var.SEVERITY), ReviewVariables.text(task, Var.REPLACEMENT),
                        ReviewVariables.text(task, Var.NOTE));
                yield claim.id();
            }
            case MERGE -> {
                long into = mergeInto(task);
                reports.merge(report.id(), into, user);
                yield into;
            }
            case DISMISS -> {
                reports.dismiss(report.id(), user, ReviewVariables.text(task, Var.REASON));
                yield null;
            }
        };
        // The gateway routes on the outcome as checked here, whatever spelling the form used.
        task.getExecution().setVariable(Var.OUTCOME, outcome.name());
        task.getExecution().setVariable(Var.TRIAGED_BY, user);
        if (claimId != null) {
            task.getExecution().setVariable(Var.CLAIM_ID, claimId);
        }
    }

    private static long mergeInto(DelegateTask task) {
        Object value = task.getVariable(Var.MERGE_INTO);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("[0-9]{1,18}")) {
            return Long.parseLong(text.strip());
        }
        throw ProblemException.badRequest("invalid-" + Var.MERGE_INTO, "Merging a reader report needs '"
                + Var.MERGE_INTO + "', the id of the open claim on the same words; it was " + value + ".");
    }

    /** A completion may set the triage form and nothing else: no task-local variable, no change to the report's ids. */
    private static void requireUntouchedVariables(DelegateTask task, ReaderReport report) {
        Map<String, Object> local = task.getVariablesLocal();
        if (!local.isEmpty()) {
            throw protectedVariable(task, "task-local variables " + local.keySet() + " were set; it takes its form "
                    + ReaderReportProcess.TRIAGE_FORM + " and nothing else");
        }
        Set<String> unknown = new TreeSet<>(task.getVariableNames());
        unknown.removeAll(Var.ALL);
        if (!unknown.isEmpty()) {
            throw protectedVariable(task, "variables " + unknown + " were set; it takes its form "
                    + ReaderReportProcess.TRIAGE_FORM + " and nothing else");
        }
        expect(task, Var.REPORT_ID, report.id());
        expect(task, Var.ARTICLE_ID, report.articleId());
        expect(task, Var.TRIAGED_BY, null);
        expect(task, Var.CLAIM_ID, null);
    }

    private static void expect(DelegateTask task, String name, Object expected) {
        Object actual = task.getVariable(name);
        boolean same = actual instanceof Number n && expected instanceof Number e
                ? n.longValue() == e.longValue()
                : Objects.equals(actual == null ? null : actual.toString(), expected == null ? null : expected.toString());
        if (!same) {
            throw protectedVariable(task, "'" + name + "' was changed to " + actual + "; FactDesk sets it");
        }
    }

    private static ProblemException protectedVariable(DelegateTask task, String what) {
        return ProblemException.forbidden("protected-variable", "'" + task.getName() + "' was not completed: " + what
                + ".");
    }

    private static ProblemException heldBy(DelegateTask task, String holder) {
        return ProblemException.conflict("task-already-claimed", "'" + task.getName() + "' is held by " + holder
                + "; only they can complete it or give it back.");
    }
}
