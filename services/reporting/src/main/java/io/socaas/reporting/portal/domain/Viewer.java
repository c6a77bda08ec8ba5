package io.socaas.reporting.portal.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who looks at the portal: the subject, the portal roles of the token and the organization aliases
 * the token names (Keycloak organizations = tenants).
 */
public record Viewer(String subject, Set<PortalRole> roles, Set<String> organizations) {

    public Viewer {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        organizations = Set.copyOf(organizations);
    }

    public boolean isMsspStaff() {
        return roles.stream().anyMatch(role -> role.kind() == PortalRole.Kind.MSSP_STAFF);
    }

    public boolean isCustomer() {
        return roles.stream().anyMatch(role -> role.kind() == PortalRole.Kind.CUSTOMER);
    }
}
