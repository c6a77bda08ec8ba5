package io.socaas.cases.casefile.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.socaas.access.OrganizationClaim;
import io.socaas.cases.casefile.domain.Caller;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads the {@link Caller} from a Keycloak bearer token: realm roles, and the {@code
 * organization} claim as every service reads it ({@link OrganizationClaim}: a list of aliases or an
 * object keyed by alias).
 */
final class CallerFromToken {

    private CallerFromToken() {}

    static Caller of(SecurityIdentity identity) {
        List<String> organizations = identity.getPrincipal() instanceof JsonWebToken jwt
                ? organizations(jwt.getClaim(OrganizationClaim.NAME))
                : List.of();
        String username = identity.getPrincipal() instanceof JsonWebToken jwt
                        && jwt.getClaim("preferred_username") instanceof String name
                ? name
                : identity.isAnonymous() ? "" : identity.getPrincipal().getName();
        return new Caller(username, identity.getRoles(), organizations);
    }

    /** Organization aliases in a claim value, in either accepted form; empty when absent. */
    static List<String> organizations(Object claim) {
        return OrganizationClaim.aliases(claim);
    }
}
