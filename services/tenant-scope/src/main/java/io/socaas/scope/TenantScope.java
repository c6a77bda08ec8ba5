package io.socaas.scope;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whose rows a transaction may see and write: one tenant, an analyst's entitled tenants, or (for a
 * background job that works across tenants) the whole platform, always with the reason why.
 *
 * <p>Encoded into the Postgres setting {@value #SETTING} as the row-level security policies read
 * it: a comma-separated list of tenant ids, or {@value #SYSTEM_SETTING} for the system scope. An
 * empty list (an analyst entitled to no tenant) sees no row, like a transaction without scope.
 */
public final class TenantScope {

    /** The Postgres setting the policies read ({@code current_setting('app.tenant_scope', true)}). */
    public static final String SETTING = "app.tenant_scope";

    /** The setting's value for the system scope. */
    public static final String SYSTEM_SETTING = "*";

    // a tenant id never holds the list separator, the system marker or white space
    private static final Pattern TENANT_ID = Pattern.compile("[^,*\\s]+");

    private final Set<String> tenants;
    private final String reason;

    private TenantScope(Set<String> tenants, String reason) {
        this.tenants = tenants;
        this.reason = reason;
    }

    /** The scope of one tenant. */
    public static TenantScope of(String tenantId) {
        return new TenantScope(Set.of(requireTenantId(tenantId)), null);
    }

    /** The scope of the tenants an analyst is entitled to; an empty list sees nothing. */
    public static TenantScope entitled(Collection<String> tenantIds) {
        Objects.requireNonNull(tenantIds, "tenantIds");
        TreeSet<String> ids = new TreeSet<>();
        for (String id : tenantIds) {
            ids.add(requireTenantId(id));
        }
        return new TenantScope(java.util.Collections.unmodifiableSet(ids), null);
    }

    /**
     * Every tenant's rows, for a background job or a platform-wide operation that needs them
     * (scheduler, outbox relay, rollups, publication of tenant facts, invoice runs...). Every
     * transaction opened with it is logged with {@code reason}.
     */
    public static TenantScope system(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("the system scope needs a reason");
        }
        return new TenantScope(Set.of(), reason.strip());
    }

    public boolean isSystem() {
        return reason != null;
    }

    /** Why the system scope is used; empty for a tenant scope. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The tenants of a tenant scope (empty for the system scope). */
    public Set<String> tenants() {
        return tenants;
    }

    /** The value of {@value #SETTING} for this scope. */
    public String setting() {
        return isSystem() ? SYSTEM_SETTING : String.join(",", tenants);
    }

    /** Whether every row this scope may see is one {@code outer} may see, too. */
    public boolean isWithin(TenantScope outer) {
        return outer.isSystem() || (!isSystem() && outer.tenants.containsAll(tenants));
    }

    private static String requireTenantId(String tenantId) {
        if (tenantId == null || !TENANT_ID.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("not a tenant id: '" + tenantId + "'");
        }
        return tenantId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantScope other && tenants.equals(other.tenants) && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenants, reason);
    }

    @Override
    public String toString() {
        return isSystem() ? "system scope (" + reason + ")" : "tenant scope " + tenants;
    }
}
