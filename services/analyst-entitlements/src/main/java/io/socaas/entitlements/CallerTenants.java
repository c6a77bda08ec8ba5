package io.socaas.entitlements;

import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.access.OrganizationClaim;
import io.socaas.access.TenantReach;
import io.socaas.access.TenantReadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenants the caller of a request may see: {@link TenantReadAccess}'s decision with the
 * caller's realm roles, the organization claim and {@code preferred_username} of its token, and the
 * analysts' {@link PublishedEntitlements}. Every service asks here; none reads those claims itself.
 */
@ApplicationScoped
public class CallerTenants {

    /** The claim naming the user, as case-management keys the analysts' profiles. */
    public static final String USERNAME_CLAIM = "preferred_username";

    private final PublishedEntitlements entitlements;

    CallerTenants(PublishedEntitlements entitlements) {
        this.entitlements = entitlements;
    }

    /** The tenants {@code identity} may see, by the service's {@code access} (its every-tenant roles). */
    public TenantReach reach(SecurityIdentity identity, TenantReadAccess access) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        return reach(identity, token, access);
    }

    /**
     * As {@link #reach(SecurityIdentity, TenantReadAccess)}, with the claims read from {@code token}
     * when the principal is not the access token (the code flow's principal is the ID token).
     */
    public TenantReach reach(SecurityIdentity identity, JsonWebToken token, TenantReadAccess access) {
        List<String> organizations = List.of();
        String username = null;
        if (identity.getPrincipal() instanceof JsonWebToken principal) {
            organizations = OrganizationClaim.aliases(claim(principal, OrganizationClaim.NAME));
            username = text(claim(principal, USERNAME_CLAIM));
        }
        if (token != null) {
            if (organizations.isEmpty()) {
                organizations = OrganizationClaim.aliases(claim(token, OrganizationClaim.NAME));
            }
            if (username == null) {
                username = text(claim(token, USERNAME_CLAIM));
            }
        }
        return access.reach(identity.getRoles(), organizations, username, entitlements);
    }

    /** Whether {@code identity} may see {@code tenant}. */
    public boolean mayRead(SecurityIdentity identity, TenantReadAccess access, String tenant) {
        return reach(identity, access).includes(tenant);
    }

    private static Object claim(JsonWebToken token, String name) {
        var names = token.getClaimNames();
        return names != null && names.contains(name) ? token.getClaim(name) : null;
    }

    /** A jakarta.json string prints with its quotes. */
    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.toString().trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
    }
}
