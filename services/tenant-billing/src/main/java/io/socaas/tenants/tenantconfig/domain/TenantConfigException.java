package io.socaas.tenants.tenantconfig.domain;

/** A tenant-config file is unusable. The message names the file. */
public class TenantConfigException extends RuntimeException {

    private final transient TenantConfigError error;

    public TenantConfigException(TenantConfigError error) {
        super(error.message());
        this.error = error;
    }

    public TenantConfigException(String file, String reason) {
        this(new TenantConfigError(file, reason));
    }

    public TenantConfigError error() {
        return error;
    }
}
