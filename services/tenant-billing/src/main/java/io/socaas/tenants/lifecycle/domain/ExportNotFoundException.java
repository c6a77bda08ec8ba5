package io.socaas.tenants.lifecycle.domain;

/** No offboarding export exists for the tenant. */
public class ExportNotFoundException extends RuntimeException {

    public ExportNotFoundException(String tenantId) {
        super("there is no offboarding export of tenant '" + tenantId + "'");
    }
}
