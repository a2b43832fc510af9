package org.rightsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.rightsflow.support.Digests;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring Security login to Camunda's webapps (Cockpit, Tasklist, Admin), so staff sign in once, on
 * Rightsflow's login page. Instantiated by Camunda's ContainerBasedAuthenticationFilter, hence public with a
 * no-argument constructor.
 */
public class CamundaWebappAuthentication extends ContainerBasedAuthenticationProvider {

    /** Camunda's built-in group whose members may use every webapp. */
    static final String CAMUNDA_ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(StaffRole.ADMIN.authority()));
        if (!admin) {
            return AuthenticationResult.unsuccessful();
        }
        ensureMirrorUser(engine.getIdentityService(), authentication.getName());
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(new ArrayList<>(List.of(CAMUNDA_ADMIN_GROUP)));
        result.setTenants(new ArrayList<>());
        return result;
    }

    /**
     * Camunda's webapps accept only users that exist in the engine's identity store. Staff accounts live in
     * Rightsflow's own table, so an admin gets a mirror entry there on first visit, with a random password nobody
     * knows: signing in always happens on Rightsflow's login page.
     */
    private static void ensureMirrorUser(IdentityService identity, String username) {
        if (identity.createUserQuery().userId(username).memberOfGroup(CAMUNDA_ADMIN_GROUP).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN_GROUP).count() == 0) {
            Group group = identity.newGroup(CAMUNDA_ADMIN_GROUP);
            group.setName("Camunda administrators");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(username).count() == 0) {
            User mirror = identity.newUser(username);
            mirror.setFirstName(username);
            mirror.setLastName("(Rightsflow)");
            mirror.setPassword(Digests.randomToken(32));
            identity.saveUser(mirror);
        }
        // The webapps show their first-run setup page until some user belongs to camunda-admin.
        identity.createMembership(username, CAMUNDA_ADMIN_GROUP);
    }
}
