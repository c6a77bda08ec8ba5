package io.socaas.cases.casefile.domain;

import java.util.List;
import java.util.Set;

/**
 * Who reads cases, as far as access decisions need it.
 *
 * @param username the caller's {@code preferred_username} (empty when the token has none)
 * @param roles realm roles of the caller
 * @param organizations aliases of the Keycloak organizations the caller belongs to
 */
public record Caller(String username, Set<String> roles, List<String> organizations) {

    /** A caller whose name does not matter to the decision. */
    public Caller(Set<String> roles, List<String> organizations) {
        this("", roles, organizations);
    }

    public Caller {
        username = username == null ? "" : username;
        roles = Set.copyOf(roles);
        organizations = List.copyOf(organizations);
    }
}
