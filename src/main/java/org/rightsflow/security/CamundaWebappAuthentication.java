package org.rightsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.rightsflow.support.Digests;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the Spring Security login to Camunda, so staff sign in once, on Rightsflow's login page: to the webapps
 * (Cockpit; through Camunda's ContainerBasedAuthenticationFilter) and to the REST API (HTTP Basic; through
 * Camunda's ProcessEngineAuthenticationFilter). Both instantiate it by name, hence public with a no-argument
 * constructor.
 *
 * <p>An admin becomes the Camunda user of the same name in the group {@link CamundaStaffAccess#STAFF_ADMIN_GROUP},
 * never in {@code camunda-admin}: Camunda's authorizations then decide what they may do (read, not deploy).
 */
public class CamundaWebappAuthentication extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(StaffRole.ADMIN.authority()));
        if (!admin || CamundaStaffAccess.SETUP_GUARD_USER.equals(authentication.getName())) {
            return AuthenticationResult.unsuccessful();
        }
        ensureMirrorUser(engine.getIdentityService(), authentication.getName());
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(new ArrayList<>(List.of(CamundaStaffAccess.STAFF_ADMIN_GROUP)));
        result.setTenants(new ArrayList<>());
        return result;
    }

    /**
     * Camunda's webapps accept only users that exist in the engine's identity store, and refresh their groups from
     * it every few minutes. Staff accounts live in Rightsflow's own table, so an admin gets a mirror entry there on
     * first visit, with a random password nobody knows (signing in always happens on Rightsflow's login page), and
     * exactly one group.
     */
    private static void ensureMirrorUser(IdentityService identity, String username) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            User mirror = identity.newUser(username);
            mirror.setFirstName(username);
            mirror.setLastName("(Rightsflow)");
            mirror.setPassword(Digests.randomToken(32));
            identity.saveUser(mirror);
        }
        identity.createGroupQuery().groupMember(username).list().stream()
                .filter(group -> !group.getId().equals(CamundaStaffAccess.STAFF_ADMIN_GROUP))
                .forEach(group -> identity.deleteMembership(username, group.getId()));
        if (identity.createGroupQuery().groupMember(username).groupId(CamundaStaffAccess.STAFF_ADMIN_GROUP).count() == 0) {
            identity.createMembership(username, CamundaStaffAccess.STAFF_ADMIN_GROUP);
        }
    }
}
