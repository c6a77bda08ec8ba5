package io.socaas.tenants.lifecycle.domain;

import io.socaas.tenants.tenant.domain.TenantStatus;

/**
 * Which status a lifecycle action leads to. Repeating an action is harmless (suspending a suspended
 * tenant leaves it suspended); an action that does not fit the status is a conflict.
 */
public final class LifecycleRules {

    private LifecycleRules() {}

    public static TenantStatus next(TenantStatus current, LifecycleAction action) {
        return switch (action) {
            case SUSPEND ->
                switch (current) {
                    case ACTIVE, SUSPENDED -> TenantStatus.SUSPENDED;
                    default -> throw conflict(current, "suspended", "only an active tenant can be suspended");
                };
            case RESUME ->
                switch (current) {
                    case SUSPENDED, ACTIVE -> TenantStatus.ACTIVE;
                    default -> throw conflict(current, "resumed", "only a suspended tenant can be resumed");
                };
            case OFFBOARD ->
                switch (current) {
                    case ACTIVE, SUSPENDED, FAILED, OFFBOARDING -> TenantStatus.OFFBOARDING;
                    case PROVISIONING ->
                        throw conflict(current, "offboarded", "wait until its provisioning is done or has failed");
                    case OFFBOARDED -> throw conflict(current, "offboarded", "it is offboarded already");
                };
        };
    }

    private static LifecycleConflictException conflict(TenantStatus current, String verb, String why) {
        return new LifecycleConflictException(
                "a tenant that is " + current.configValue() + " cannot be " + verb + ": " + why);
    }
}
