package io.socaas.tenants.facts;

import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.TenantConfig;
import io.socaas.tenants.tenant.domain.TenantStatus;
import java.util.List;
import java.util.Optional;

/**
 * The tenant as one published fact: resolves a tenant's full configuration (plan included) from
 * the database and {@code plans.yaml}, and publishes it on the compacted {@code soc.tenants.v1}.
 *
 * <p>Whoever changes anything about a tenant (file sync, onboarding, lifecycle, ingest keys) calls
 * {@link #changed} after its transaction committed; the revision is bumped and the new
 * configuration published, so every service sees the change within seconds.
 */
public interface TenantFacts {

    /** The tenant's resolved configuration as it would be published now; empty when it does not exist. */
    Uni<Optional<TenantConfig>> resolve(TenantId tenant);

    /** Every existing tenant's resolved configuration, ordered by id. */
    Uni<List<TenantConfig>> resolveAll();

    /** Bumps the tenant's revision and publishes its configuration; completes once Kafka has it. */
    Uni<TenantConfig> changed(TenantId tenant);

    /** Publishes the tombstone of a purged tenant; completes once Kafka has it. */
    Uni<Void> purged(TenantId tenant);

    /** The published spelling of a status. */
    static io.socaas.proto.tenant.v1.TenantStatus status(TenantStatus status) {
        return TenantConfigMapping.status(status);
    }
}
