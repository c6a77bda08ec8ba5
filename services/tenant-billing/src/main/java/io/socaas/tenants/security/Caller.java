package io.socaas.tenants.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Objects;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls: the token's subject (stable, scopes idempotency keys), the user name ({@code client
 * <id>} for a service account whose token carries none) and the client the token was issued to.
 */
public record Caller(String subject, String username, String clientId) {

    public static final Caller ANONYMOUS = new Caller("anonymous", "anonymous", "-");

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String subject = orDash(jwt.getSubject());
            String username = jwt.getClaim("preferred_username");
            String client = orDash(jwt.getClaim("azp"));
            // a client-credentials token without the profile scope has no user name: name its client
            return new Caller(subject, username == null ? "client " + client : username, client);
        }
        String name = orDash(identity.getPrincipal().getName());
        return new Caller(name, name, "-");
    }

    /** For logs and the audit log: {@code sam (client socaas-portal)}. */
    public String describe() {
        return username.equals("client " + clientId) ? username : username + " (client " + clientId + ")";
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
