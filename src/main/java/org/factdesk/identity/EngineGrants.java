package org.factdesk.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What FactDesk's groups may do through Camunda's own APIs, with the engine's authorization checks switched on:
 * fact-checkers, editors and lawyers open Tasklist and read claim reviews, auditors read them, and nobody but an administrator
 * (a member of {@code camunda-admin}) changes users, groups, memberships, authorizations, deployments, process
 * instances or variables, or creates tasks. Working a task (claim, complete) comes from the engine's own default: the
 * task's candidate group gets TASK_WORK on it, and the review listeners decide who may really take and finish it.
 * Granted on every start; a grant that exists is left as it is.
 */
@Component
@Order(IdentitySetup.ORDER + 1)
class EngineGrants implements ApplicationRunner {

    /** The process whose reviews staff read; kept here as text so identity does not depend on review. */
    static final String CLAIM_REVIEW = "ClaimReview";
    static final String TASKLIST = "tasklist";

    private final AuthorizationService authorizations;

    EngineGrants(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Camunda's administrators may do everything, as its own first-user set-up grants them: the engine lets
        // camunda-admin past a few admin-only checks, but reads and writes go by grants like anyone's.
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        // Desk leads work the tasks escalated to them: the escalation adds them as the task's candidates, which gives
        // them TASK_WORK on that task only; here they get what the other reviewers get, Tasklist and reading.
        for (String group : List.of(Groups.FACT_CHECKERS, Groups.EDITORS, Groups.DESK_LEADS, Groups.LEGAL)) {
            grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
            // The saved task lists Tasklist shows; each lists only the tasks the reader may see.
            grant(group, Resources.FILTER, Authorization.ANY, Permissions.READ);
        }
        for (String group : List.of(Groups.FACT_CHECKERS, Groups.EDITORS, Groups.DESK_LEADS, Groups.LEGAL,
                Groups.AUDITORS)) {
            grant(group, Resources.PROCESS_DEFINITION, CLAIM_REVIEW, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            // Names of colleagues and groups, so tasks show who holds them; no right to change any of them.
            grant(group, Resources.USER, Authorization.ANY, Permissions.READ);
            grant(group, Resources.GROUP, Authorization.ANY, Permissions.READ);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization grant = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                grant.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(grant);
        }
    }
}
