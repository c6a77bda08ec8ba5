package io.socaas.tenants.tenant.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.tenant.v1.GetTenantRequest;
import io.socaas.proto.tenant.v1.ListTenantsRequest;
import io.socaas.proto.tenant.v1.ListTenantsResponse;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.ResolveIngestKeyResponse;
import io.socaas.proto.tenant.v1.TenantDirectory;
import io.socaas.tenants.facts.TenantFacts;
import io.socaas.tenants.ingestkey.IngestKeyService;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.tenant.TenantService;
import io.socaas.tenants.tenant.domain.Tenant;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import jakarta.annotation.security.RolesAllowed;
import org.jboss.logging.Logger;

/**
 * {@code socaas.tenant.v1.TenantDirectory}: answers which tenant an ingest key belongs to and what
 * a tenant looks like. Failures are turned into gRPC statuses by {@link GrpcStatusMapper}.
 *
 * <p>Callers are platform services with their own client-credentials token: {@value
 * #KEY_RESOLVER} (ingestion) resolves keys, {@value #TENANT_READER} reads tenants; MSSP admins may
 * read tenants too. Without a token a call is UNAUTHENTICATED, with other roles PERMISSION_DENIED.
 */
@GrpcService
public class TenantDirectoryGrpcService implements TenantDirectory {

    static final String KEY_RESOLVER = "svc-ingest-keys";
    static final String TENANT_READER = "svc-tenant-reader";

    private static final Logger LOG = Logger.getLogger(TenantDirectoryGrpcService.class);

    private final TenantService tenants;
    private final IngestKeyService keys;

    private final TenantFacts facts;

    TenantDirectoryGrpcService(TenantService tenants, IngestKeyService keys, TenantFacts facts) {
        this.tenants = tenants;
        this.keys = keys;
        this.facts = facts;
    }

    @Override
    @RolesAllowed(KEY_RESOLVER)
    public Uni<ResolveIngestKeyResponse> resolveIngestKey(ResolveIngestKeyRequest request) {
        return keys.resolve(request.getIngestKey())
                .invoke(resolved -> {
                    TenantLogContext.bind(resolved.tenantId());
                    LOG.debugf("resolved ingest key %s (source '%s')", resolved.keyId(), resolved.sourceName());
                })
                .map(resolved -> ResolveIngestKeyResponse.newBuilder()
                        .setTenantId(resolved.tenantId().value())
                        .setKeyId(resolved.keyId())
                        .setSourceName(resolved.sourceName())
                        .setTimeZone(resolved.timeZone())
                        .build())
                .eventually(TenantLogContext::clear);
    }

    @Override
    @RolesAllowed({TENANT_READER, "mssp-admin"})
    public Uni<io.socaas.proto.tenant.v1.Tenant> getTenant(GetTenantRequest request) {
        String requested = request.getTenantId();
        if (!TenantId.isValid(requested)) {
            return Uni.createFrom().failure(new TenantNotFoundException(requested));
        }
        TenantId id = TenantId.of(requested);
        return TenantLogContext.withTenant(id, () -> tenants.get(id).map(TenantDirectoryGrpcService::toProto));
    }

    @Override
    @RolesAllowed({TENANT_READER, "mssp-admin"})
    public Uni<ListTenantsResponse> listTenants(ListTenantsRequest request) {
        return facts.resolveAll()
                .map(all -> ListTenantsResponse.newBuilder().addAllTenants(all).build());
    }

    static io.socaas.proto.tenant.v1.Tenant toProto(Tenant tenant) {
        var spec = tenant.spec();
        return io.socaas.proto.tenant.v1.Tenant.newBuilder()
                .setTenantId(spec.id().value())
                .setDisplayName(spec.displayName())
                .setPlan(spec.plan())
                .setTimeZone(spec.timeZone().getId())
                .setStatus(TenantFacts.status(spec.status()))
                .addAllRulePacks(spec.rulePacks())
                .build();
    }
}
