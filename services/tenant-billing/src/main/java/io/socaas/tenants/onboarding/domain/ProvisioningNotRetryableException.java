package io.socaas.tenants.onboarding.domain;

/** A retry was asked for a tenant whose provisioning has not failed (or that was not onboarded by the API). */
public class ProvisioningNotRetryableException extends RuntimeException {

    public ProvisioningNotRetryableException(String message) {
        super(message);
    }
}
