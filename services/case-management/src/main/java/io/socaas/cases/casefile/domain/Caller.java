package io.socaas.cases.casefile.domain;

import java.util.List;
import java.util.Set;

/**
 * Who reads cases, as far as access decisions need it.
 *
 * @param roles realm roles of the caller
 * @param organizations aliases of the Keycloak organizations the caller belongs to
 */
public record Caller(Set<String> roles, List<String> organizations) {

    public Caller {
        roles = Set.copyOf(roles);
        organizations = List.copyOf(organizations);
    }
}
