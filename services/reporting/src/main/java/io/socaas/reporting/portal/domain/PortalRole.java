package io.socaas.reporting.portal.domain;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles that matter to the portal (contracts.md, Keycloak realm socaas). */
public enum PortalRole {
    CUSTOMER_ADMIN("customer-admin", Kind.CUSTOMER),
    CUSTOMER_VIEWER("customer-viewer", Kind.CUSTOMER),
    ANALYST("analyst", Kind.MSSP_STAFF),
    SOC_MANAGER("soc-manager", Kind.MSSP_STAFF),
    MSSP_ADMIN("mssp-admin", Kind.MSSP_STAFF);

    /** Customer roles are pinned to their organization; MSSP staff may look at any tenant. */
    public enum Kind {
        CUSTOMER,
        MSSP_STAFF
    }

    private final String roleName;
    private final Kind kind;

    PortalRole(String roleName, Kind kind) {
        this.roleName = roleName;
        this.kind = kind;
    }

    public String roleName() {
        return roleName;
    }

    public Kind kind() {
        return kind;
    }

    /** The portal role with this realm role name, if it is one the portal knows. */
    public static Optional<PortalRole> fromRoleName(String roleName) {
        return Arrays.stream(values())
                .filter(role -> role.roleName.equals(roleName))
                .findFirst();
    }
}
