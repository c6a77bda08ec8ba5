package io.socaas.tenants.syslogsource.domain;

import io.socaas.events.TenantId;

/** A file tenant's syslog sources are its file's: the API does not change them. */
public class FileManagedSourcesException extends RuntimeException {

    private final String file;

    public FileManagedSourcesException(TenantId tenant) {
        super("the syslog sources of tenant '" + tenant + "' are managed in its file tenant-config/tenants/" + tenant
                + ".yaml (syslog_sources); change them there and apply the folder");
        this.file = "tenant-config/tenants/" + tenant + ".yaml";
    }

    public String file() {
        return file;
    }
}
