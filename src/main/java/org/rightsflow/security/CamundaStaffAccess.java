package org.rightsflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.rightsflow.support.Digests;
import org.springframework.stereotype.Component;

/**
 * What a Rightsflow admin may do in Camunda (authorizations are on: {@code camunda.bpm.authorization.enabled}):
 * look, in Cockpit and through the REST API, at process definitions, instances, tasks, incidents, deployments and
 * their history. Nothing else: no deployment, no start, no message, no variable change, no task completion, no
 * users, groups or authorizations. Those would go around Rightsflow's own checks and timeline; staff act on
 * requests in Rightsflow's pages.
 *
 * <p>Set on every start, so a changed grant in the database does not survive a restart. The engine's own work
 * (the job executor, Rightsflow's services) runs with no Camunda user signed in, which Camunda does not check.
 *
 * <p>Members of {@code camunda-admin} pass every check, so no staff member is one. The group keeps one member
 * nobody can sign in as, because Camunda's webapps offer their first-run setup page (create an administrator) as
 * long as it has none.
 */
@Component
class CamundaStaffAccess extends AbstractProcessEnginePlugin {

    /** The Camunda group of every Rightsflow admin (Camunda allows letters and digits only in ids). */
    static final String STAFF_ADMIN_GROUP = "rightsflowAdmins";
    /** Keeps Camunda's first-run setup closed; its password is random and never kept. */
    static final String SETUP_GUARD_USER = "rightsflowSetupGuard";

    private static final List<Grant> GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK),
            new Grant(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ),
            new Grant(Resources.TASK, ANY, TaskPermissions.READ),
            new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ),
            new Grant(Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        ensureGroup(identity, STAFF_ADMIN_GROUP, "Rightsflow admins", Groups.GROUP_TYPE_WORKFLOW);
        ensureGroup(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        if (identity.createUserQuery().userId(SETUP_GUARD_USER).count() == 0) {
            User guard = identity.newUser(SETUP_GUARD_USER);
            guard.setFirstName("Setup");
            guard.setLastName("guard (no sign-in)");
            guard.setPassword(Digests.randomToken(32));
            identity.saveUser(guard);
        }
        // Databases of earlier versions made every admin a member of camunda-admin.
        for (User member : identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()) {
            if (!member.getId().equals(SETUP_GUARD_USER)) {
                identity.deleteMembership(member.getId(), Groups.CAMUNDA_ADMIN);
            }
        }
        if (identity.createUserQuery().userId(SETUP_GUARD_USER).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(SETUP_GUARD_USER, Groups.CAMUNDA_ADMIN);
        }
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Authorization existing : authorizations.createAuthorizationQuery().groupIdIn(STAFF_ADMIN_GROUP).list()) {
            if (GRANTS.stream().noneMatch(grant -> grant.covers(existing))) {
                authorizations.deleteAuthorization(existing.getId());
            }
        }
        for (Grant grant : GRANTS) {
            Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(STAFF_ADMIN_GROUP)
                    .resourceType(grant.resource()).resourceId(grant.resourceId()).list().stream()
                    .filter(existing -> existing.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst()
                    .orElseGet(() -> authorizations.createNewAuthorization(AUTH_TYPE_GRANT));
            authorization.setGroupId(STAFF_ADMIN_GROUP);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
            authorization.setPermissions(grant.permissions());
            authorizations.saveAuthorization(authorization);
        }
    }

    private static void ensureGroup(IdentityService identity, String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private record Grant(Resource resource, String resourceId, Permission... permissions) {

        boolean covers(Authorization authorization) {
            return authorization.getAuthorizationType() == AUTH_TYPE_GRANT
                    && authorization.getResourceType() == resource.resourceType()
                    && resourceId.equals(authorization.getResourceId());
        }
    }
}
