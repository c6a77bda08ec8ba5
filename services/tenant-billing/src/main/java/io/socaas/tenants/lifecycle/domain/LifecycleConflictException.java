package io.socaas.tenants.lifecycle.domain;

/** The action does not apply to the tenant as it is now (e.g. resuming a tenant still provisioning). */
public class LifecycleConflictException extends RuntimeException {

    public LifecycleConflictException(String message) {
        super(message);
    }
}
