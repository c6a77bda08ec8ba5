package io.socaas.serviceidentity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/**
 * Which OIDC clients' tokens a service accepts (the token's {@code azp}), whatever the roles in
 * them: {@code socaas.security.accepted-clients}.
 */
@ConfigMapping(prefix = "socaas.security")
public interface AuthorizedParties {

    /**
     * The clients whose tokens are accepted: the platform's portal and console (users, and the
     * portal acting for its signed-in user), and, per service, the confidential clients of the
     * services that call it or of the MSSP's CRM. Any other client of the realm (admin-cli, say) is
     * refused even with a valid token. A service that serves no bearer token at all keeps the
     * default, the portal only.
     */
    @WithDefault("socaas-portal")
    Set<String> acceptedClients();
}
