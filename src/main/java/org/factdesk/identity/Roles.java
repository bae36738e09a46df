package org.factdesk.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * FactDesk's Spring Security roles (each the role of one of the {@link Groups}), who may do what in one place, and an
 * annotation for each kind of work that services put on the methods that do it.
 */
public final class Roles {

    public static final String FACT_CHECKERS = "FACT_CHECKERS";
    public static final String EDITORS = "EDITORS";
    public static final String LEGAL = "LEGAL";
    public static final String AUDITORS = "AUDITORS";
    public static final String ADMINS = "ADMINS";
    public static final String DESK_LEADS = "DESK_LEADS";

    /** Those who flag claims and work review tasks (desk leads those escalated to them) and read their queue. */
    public static final String[] REVIEWERS = {FACT_CHECKERS, EDITORS, DESK_LEADS};
    /** Those who work a step of a claim review: fact-checkers, editors, desk leads (when escalated) and lawyers. */
    public static final String[] REVIEW_STEP_WORKERS = {FACT_CHECKERS, EDITORS, DESK_LEADS, LEGAL};
    /** Those who may work tasks through Tasklist and the engine's APIs: reviewers, lawyers, and admins who help. */
    public static final String[] TASK_WORKERS = {FACT_CHECKERS, EDITORS, DESK_LEADS, LEGAL, ADMINS};
    /** Those who read the correction history. */
    public static final String[] AUDIT_READERS = {EDITORS, AUDITORS, ADMINS};
    /** Those who check the audit chain itself. */
    public static final String[] CHAIN_CHECKERS = {AUDITORS, ADMINS};
    /** Those who add articles. */
    public static final String[] ARTICLE_EDITORS = {EDITORS, ADMINS};
    /** Everyone with an account. */
    public static final String[] STAFF = {FACT_CHECKERS, EDITORS, AUDITORS, ADMINS, DESK_LEADS, LEGAL};
    /** Those who watch the desks' backlog of overdue tasks. */
    public static final String[] BACKLOG_WATCHERS = {DESK_LEADS, ADMINS};

    private Roles() {
    }

    /** Fact-checkers, editors and desk leads only: flagging, suggestions and review tasks. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + FACT_CHECKERS + "', '" + EDITORS + "', '" + DESK_LEADS + "')")
    public @interface Reviewers {
    }

    /** Fact-checkers, editors, desk leads and lawyers: the review queue and its tasks. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + FACT_CHECKERS + "', '" + EDITORS + "', '" + DESK_LEADS + "', '" + LEGAL + "')")
    public @interface ReviewStepWorkers {
    }

    /** Desk leads and admins only: the desks' backlog of overdue tasks and its alerts. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + DESK_LEADS + "', '" + ADMINS + "')")
    public @interface BacklogWatchers {
    }

    /** Editors, auditors and admins only: the audit log, its exports and a claim's bundle. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + EDITORS + "', '" + AUDITORS + "', '" + ADMINS + "')")
    public @interface AuditReaders {
    }

    /** Auditors and admins only: verifying the audit chain and its head. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + AUDITORS + "', '" + ADMINS + "')")
    public @interface ChainCheckers {
    }

    /** Admins only: the webhook endpoints FactDesk posts published corrections to, and their delivery log. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasRole('" + ADMINS + "')")
    public @interface Admins {
    }

    /** Editors and admins only: adding articles. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('" + EDITORS + "', '" + ADMINS + "')")
    public @interface ArticleEditors {
    }
}
