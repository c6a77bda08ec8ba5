package io.socaas.tenants.tenantconfig.domain;

import java.util.Objects;

/** One file of the tenant-config folder that could not be used, and why. */
public record TenantConfigError(String file, String reason) {

    public TenantConfigError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code tenants/foo.yaml: unknown plan 'gold' ...}: the file comes first, so operators find it. */
    public String message() {
        return file + ": " + reason;
    }
}
