package io.socaas.tenants.tenant.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Lifecycle state of a tenant. Only an {@link #ACTIVE} tenant may send events. */
public enum TenantStatus {
    /** Onboarding in progress: credentials may exist, ingestion is not yet accepted. */
    PROVISIONING,
    /** Normal operation. */
    ACTIVE,
    /** Ingestion refused, portal read-only, data kept (e.g. unpaid invoice). */
    SUSPENDED,
    /** Provisioning failed for good; an operator retries it. */
    FAILED,
    /** Offboarding: the export is made, then everything of the tenant is purged. */
    OFFBOARDING,
    /**
     * Offboarded: everything of the tenant is purged and a tombstone published; only its row, usage,
     * invoices and export stay (billing records), so its id stays taken.
     */
    OFFBOARDED;

    /** The spelling used in tenant-config files and in the database ({@code active}, ...). */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the spelling used in tenant-config files and in the database. */
    public static Optional<TenantStatus> fromConfigValue(String value) {
        return Arrays.stream(values())
                .filter(status -> status.configValue().equals(value))
                .findFirst();
    }
}
