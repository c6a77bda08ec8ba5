package io.socaas.tenants.security;

import io.smallrye.config.ConfigMapping;
import java.util.Set;

/** Which OIDC clients' tokens this service accepts (the token's {@code azp}). */
@ConfigMapping(prefix = "socaas.security")
public interface AuthorizedParties {

    /**
     * The clients whose tokens are accepted: the platform's portal and console, and the MSSP's CRM
     * (which onboards tenants with a client-credentials token). Any other client of the realm
     * (admin-cli, say) is refused even with a valid token.
     */
    Set<String> acceptedClients();
}
