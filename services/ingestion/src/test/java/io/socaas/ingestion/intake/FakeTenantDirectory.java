package io.socaas.ingestion.intake;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.proto.tenant.v1.GetTenantRequest;
import io.socaas.proto.tenant.v1.ListTenantsRequest;
import io.socaas.proto.tenant.v1.ListTenantsResponse;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.ResolveIngestKeyResponse;
import io.socaas.proto.tenant.v1.Tenant;
import io.socaas.proto.tenant.v1.TenantDirectory;
import io.socaas.proto.tenant.v1.TenantStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-scope implementation of tenant-billing's TenantDirectory contract, served by the application
 * under test on its own HTTP port; the ingestion client is pointed at it (see TenantDirectoryOnTestPort).
 */
@GrpcService
@io.quarkus.grpc.RegisterInterceptor(FakeTenantDirectory.Callers.class)
public class FakeTenantDirectory implements TenantDirectory {

    /** The Authorization header of every call received, per ingest key asked for; most recent last. */
    private static final java.util.List<String> AUTHORIZATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The Authorization header of the most recent call (empty when it carried none). */
    public static String lastAuthorization() {
        return AUTHORIZATIONS.isEmpty() ? "" : AUTHORIZATIONS.getLast();
    }

    /** Records the caller's token: the tests check what ingestion sends, not whether it is valid. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Callers extends io.socaas.serviceidentity.testing.AuthorizationRecorder {
        @Override
        protected io.grpc.Context received(String authorization) {
            AUTHORIZATIONS.add(authorization);
            return io.grpc.Context.current();
        }
    }

    public static final String ACME_KEY = "sk_test_acme_6f1d2c";
    public static final String GLOBEX_KEY = "sk_test_globex_9a7b3e";
    /** Belongs to acme; used only by the caching test so its call count is not disturbed. */
    public static final String CACHED_ACME_KEY = "sk_test_acme_cached_41c0";
    /** Belongs to umbrella; used only by the usage test, so that no other test adds to its counts. */
    public static final String USAGE_KEY = "sk_test_umbrella_usage_5e2a";
    /** Belong to wonka and cogswell; used only by the usage isolation test (no other test adds to their counts). */
    public static final String ISOLATION_A_KEY = "sk_test_wonka_isolation_3c9f";

    public static final String ISOLATION_B_KEY = "sk_test_cogswell_isolation_8d14";

    /** The directory answers UNAVAILABLE for this key, as when tenant-billing is down. */
    public static final String DIRECTORY_DOWN_KEY = "sk_test_directory_down";

    /** Belongs to initech until a test revokes it with {@link #revoke}. */
    public static final String REVOCABLE_KEY = "sk_test_initech_revocable_77d1";

    /** Belongs to hooli, which the tenant facts tests suspend and resume. */
    public static final String SUSPENDABLE_KEY = "sk_test_hooli_suspendable_0b3a";

    /**
     * Keys of the tenants the quota tests give plans of their own (one tenant per behaviour, so that
     * no test spends another's quota): tenant = the part after {@code sk_test_quota_}.
     */
    public static String quotaKey(String tenant) {
        return "sk_test_quota_" + tenant;
    }

    /** The tenants {@link #quotaKey} knows. */
    public static final List<String> QUOTA_TENANTS =
            List.of("stark", "wayne", "lexcorp", "oscorp", "tyrell", "soylent", "cyberdyne", "massive", "initrode");

    private static final Map<String, String> TENANT_BY_KEY = new ConcurrentHashMap<>(Map.of(
            ACME_KEY, "acme",
            GLOBEX_KEY, "globex",
            CACHED_ACME_KEY, "acme",
            REVOCABLE_KEY, "initech",
            SUSPENDABLE_KEY, "hooli",
            USAGE_KEY, "umbrella"));

    static {
        QUOTA_TENANTS.forEach(tenant -> TENANT_BY_KEY.put(quotaKey(tenant), tenant));
        TENANT_BY_KEY.put(ISOLATION_A_KEY, "wonka");
        TENANT_BY_KEY.put(ISOLATION_B_KEY, "cogswell");
    }

    /** As tenant-billing does when a key is revoked: the directory no longer knows it. */
    public static void revoke(String key) {
        TENANT_BY_KEY.remove(key);
    }

    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    public static int callsFor(String key) {
        return CALLS.getOrDefault(key, new AtomicInteger()).get();
    }

    @Override
    public Uni<ResolveIngestKeyResponse> resolveIngestKey(ResolveIngestKeyRequest request) {
        String key = request.getIngestKey();
        CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (DIRECTORY_DOWN_KEY.equals(key)) {
            return Uni.createFrom()
                    .failure(Status.UNAVAILABLE.withDescription("database down").asRuntimeException());
        }
        String tenant = TENANT_BY_KEY.get(key);
        if (tenant == null) {
            return Uni.createFrom().failure(Status.NOT_FOUND.asRuntimeException());
        }
        return Uni.createFrom()
                .item(ResolveIngestKeyResponse.newBuilder()
                        .setTenantId(tenant)
                        .setKeyId(key.substring(0, 12))
                        .setSourceName("test source")
                        .build());
    }

    @Override
    public Uni<Tenant> getTenant(GetTenantRequest request) {
        if (!TENANT_BY_KEY.containsValue(request.getTenantId())) {
            return Uni.createFrom().failure(Status.NOT_FOUND.asRuntimeException());
        }
        return Uni.createFrom()
                .item(Tenant.newBuilder()
                        .setTenantId(request.getTenantId())
                        .setDisplayName(request.getTenantId())
                        .setPlan("standard")
                        .setTimeZone("Europe/Berlin")
                        .setStatus(TenantStatus.TENANT_STATUS_ACTIVE)
                        .build());
    }

    /** Ingestion does not list tenants: it reads them from soc.tenants.v1. */
    @Override
    public Uni<ListTenantsResponse> listTenants(ListTenantsRequest request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
