package io.socaas.tenants.syslogsource.domain;

import io.socaas.events.TenantId;

/** The tenant has no syslog source of that name. */
public class SyslogSourceNotFoundException extends RuntimeException {

    public SyslogSourceNotFoundException(TenantId tenant, String name) {
        super("tenant '" + tenant + "' has no syslog source '" + name + "'");
    }
}
