package io.socaas.tenants.tenant.domain;

import java.util.Locale;

/** Where a tenant (or its status) is managed. */
public enum TenantSource {
    /** Its file in {@code tenant-config/tenants/}: the file sync owns it. */
    FILE,
    /** The onboarding and lifecycle API. */
    API;

    /** The spelling in the database: {@code file}, {@code api}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TenantSource of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
