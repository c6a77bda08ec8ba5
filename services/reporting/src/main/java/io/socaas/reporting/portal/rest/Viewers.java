package io.socaas.reporting.portal.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.access.OrganizationClaim;
import io.socaas.access.TenantReadAccess;
import io.socaas.entitlements.CallerTenants;
import io.socaas.reporting.portal.domain.PortalRole;
import io.socaas.reporting.portal.domain.Viewer;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the authenticated identity and its tokens into the portal's {@link Viewer}. */
final class Viewers {

    /** SOC managers and MSSP admins see every tenant; an analyst its entitlement's. */
    private static final TenantReadAccess ACCESS = new TenantReadAccess(TenantReadAccess.EVERY_TENANT_ROLES);

    private Viewers() {}

    /**
     * @param identity the request's identity (roles come from the access token, see
     *     quarkus.oidc.roles.source)
     * @param accessToken the access token (bearer token, or the code flow's access token)
     * @param callers the tenants a caller may see (with the analysts' published entitlements)
     */
    static Viewer of(SecurityIdentity identity, JsonWebToken accessToken, CallerTenants callers) {
        Set<PortalRole> roles = EnumSet.noneOf(PortalRole.class);
        identity.getRoles().forEach(role -> PortalRole.fromRoleName(role).ifPresent(roles::add));

        // In the code flow the principal is the ID token; in bearer mode it is the access token.
        // Keycloak's organization mapper may put the claim in either: read both.
        Set<String> organizations = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken principalToken) {
            organizations.addAll(OrganizationClaim.aliases(claim(principalToken)));
        }
        if (organizations.isEmpty() && accessToken != null) {
            organizations.addAll(OrganizationClaim.aliases(claim(accessToken)));
        }
        return new Viewer(
                subjectOf(identity, accessToken), roles, organizations, callers.reach(identity, accessToken, ACCESS));
    }

    /** The user's name; a token without one is known by its subject, else as "unknown". */
    private static String subjectOf(SecurityIdentity identity, JsonWebToken accessToken) {
        String name =
                identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        if (name == null && accessToken != null) {
            name = accessToken.getSubject();
        }
        return name == null ? "unknown" : name;
    }

    private static Object claim(JsonWebToken token) {
        return Optional.ofNullable(token.getClaimNames())
                .filter(names -> names.contains(OrganizationClaim.NAME))
                .map(names -> (Object) token.getClaim(OrganizationClaim.NAME))
                .orElse(null);
    }
}
