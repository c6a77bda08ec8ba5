package io.socaas.tenants.onboarding.domain;

import java.util.Locale;

/** Where a tenant's provisioning saga stands as a whole. */
public enum ProvisioningState {
    RUNNING,
    DONE,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProvisioningState fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
