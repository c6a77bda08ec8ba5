package io.socaas.tenants.lifecycle.domain;

/** What an mssp-admin may do to a tenant's lifecycle through the API. */
public enum LifecycleAction {
    SUSPEND,
    RESUME,
    OFFBOARD
}
