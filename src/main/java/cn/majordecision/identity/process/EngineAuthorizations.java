package cn.majordecision.identity.process;

import cn.majordecision.identity.Groups;
import java.util.List;
import java.util.Map;
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
 * Our groups as Camunda authorizations, so the engine REST API and the webapps obey the same rules as our API:
 * everybody may open Tasklist and read the process models; the tasks a user may see and work on are the ones the
 * engine grants to their candidate groups and to the assignee (it creates those grants itself); auditors read every
 * instance, task and history; administrators read the same and the engine's users and groups, and change nothing.
 * Nobody but the engine operators ({@code camunda-admin}) may modify, cancel or delete instances or run jobs.
 * Completing a task outside our API is refused anyway (the completion guard).
 */
@Component
@Order(0)
class EngineAuthorizations implements ApplicationRunner {

    private static final String ANY = Authorization.ANY;

    private record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    private static final List<Grant> EVERYBODY = List.of(
            new Grant(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(Resources.FILTER, ANY, List.of(Permissions.READ)),
            new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ)));

    private static final List<Grant> READ_EVERYTHING = List.of(
            new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK)),
            new Grant(Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ)),
            new Grant(Resources.TASK, ANY, List.of(Permissions.READ)),
            new Grant(Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)));

    private static final Map<String, List<Grant>> BY_GROUP = Map.of(
            "auditors", READ_EVERYTHING,
            "admins", concat(READ_EVERYTHING, List.of(
                    new Grant(Resources.APPLICATION, "admin", List.of(Permissions.ACCESS)),
                    new Grant(Resources.USER, ANY, List.of(Permissions.READ)),
                    new Grant(Resources.GROUP, ANY, List.of(Permissions.READ)),
                    new Grant(Resources.AUTHORIZATION, ANY, List.of(Permissions.READ)))));

    private final AuthorizationService authorizations;

    EngineAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String group : Groups.ALL.keySet()) {
            EVERYBODY.forEach(grant -> ensure(group, grant));
            BY_GROUP.getOrDefault(group, List.of()).forEach(grant -> ensure(group, grant));
        }
        // the engine has no implicit super-user: its operators' group is granted everything explicitly
        for (Resource resource : Resources.values()) {
            ensure(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN,
                    new Grant(resource, ANY, List.of(Permissions.ALL)));
        }
    }

    /** Creates the grant, or adds missing permissions to an existing one; never removes what an operator added. */
    private void ensure(String group, Grant grant) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean changed = existing == null;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    private static List<Grant> concat(List<Grant> a, List<Grant> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
