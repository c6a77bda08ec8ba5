package io.socaas.reporting.portal.domain;

import io.socaas.access.TenantReach;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who looks at the portal: the subject, the portal roles of the token, the organization aliases
 * the token names (Keycloak organizations = tenants) and the tenants the platform's one decision
 * lets it see ({@link TenantReach}: SOC managers and MSSP admins every tenant, an analyst those of
 * its published entitlement, a customer its organization's).
 */
public record Viewer(String subject, Set<PortalRole> roles, Set<String> organizations, TenantReach reach) {

    public Viewer {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reach, "reach");
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
