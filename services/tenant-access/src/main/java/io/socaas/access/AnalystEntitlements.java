package io.socaas.access;

import java.util.Optional;

/**
 * Where analysts' entitlements are looked up: case-management's published facts
 * (services/analyst-entitlements). An analyst without one is entitled to no tenant.
 */
@FunctionalInterface
public interface AnalystEntitlements {

    /** Nobody is entitled to anything: every analyst is denied every tenant. */
    AnalystEntitlements NONE = username -> Optional.empty();

    /** The analyst's entitlement, empty when none is published. */
    Optional<TenantReach> of(String username);
}
