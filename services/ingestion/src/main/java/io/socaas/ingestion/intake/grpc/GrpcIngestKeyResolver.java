package io.socaas.ingestion.intake.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.cache.CacheResult;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import io.socaas.events.TenantId;
import io.socaas.ingestion.intake.config.IntakeConfig;
import io.socaas.ingestion.intake.domain.IngestCredential;
import io.socaas.ingestion.intake.domain.IngestKey;
import io.socaas.ingestion.intake.domain.IngestKeyResolver;
import io.socaas.ingestion.intake.domain.TenantDirectoryUnavailableException;
import io.socaas.ingestion.intake.domain.UnknownIngestKeyException;
import io.socaas.proto.tenant.v1.ResolveIngestKeyRequest;
import io.socaas.proto.tenant.v1.ResolveIngestKeyResponse;
import io.socaas.proto.tenant.v1.TenantDirectoryGrpc;
import io.socaas.serviceidentity.ServiceToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Resolves ingest keys (tenant, key id, source name) through tenant-billing's {@code TenantDirectory}. Successful answers are
 * cached ({@code ingest-key-tenants}, TTL {@code socaas.ingestion.tenant-directory.cache-ttl});
 * failures are not, so a newly issued key works at once.
 */
@ApplicationScoped
public class GrpcIngestKeyResolver implements IngestKeyResolver {

    public static final String CACHE = "ingest-key-tenants";

    private static final Logger LOG = Logger.getLogger(GrpcIngestKeyResolver.class);

    private final TenantDirectoryGrpc.TenantDirectoryBlockingStub directory;
    private final IntakeConfig config;

    public GrpcIngestKeyResolver(
            @GrpcClient("tenant-directory") @RegisterClientInterceptor(ServiceToken.class)
                    TenantDirectoryGrpc.TenantDirectoryBlockingStub directory,
            IntakeConfig config) {
        this.directory = directory;
        this.config = config;
    }

    @Override
    @CacheResult(cacheName = CACHE)
    public IngestCredential credentialOf(IngestKey key) {
        ResolveIngestKeyResponse response;
        try {
            response = directory
                    .withDeadlineAfter(config.tenantDirectory().deadline().toMillis(), TimeUnit.MILLISECONDS)
                    .resolveIngestKey(ResolveIngestKeyRequest.newBuilder()
                            .setIngestKey(key.secret())
                            .build());
        } catch (StatusRuntimeException e) {
            throw translate(e.getStatus(), key, e);
        }
        if (!TenantId.isValid(response.getTenantId())) {
            throw new TenantDirectoryUnavailableException(
                    "the tenant directory answered an invalid tenant id for key " + key.prefix(), null);
        }
        LOG.debugf(
                "ingest key %s (key id %s) belongs to tenant %s",
                key.prefix(), response.getKeyId(), response.getTenantId());
        String keyId = response.getKeyId().isBlank() ? key.prefix() : response.getKeyId();
        String source = response.getSourceName().isBlank() ? null : response.getSourceName();
        return new IngestCredential(
                TenantId.of(response.getTenantId()),
                keyId,
                source,
                IngestCredential.clockZone(
                        response.getTimeZone(),
                        () -> LOG.errorf(
                                "ingest key %s: time zone '%s' is no zone this service knows; its times are read as UTC",
                                keyId, response.getTimeZone())));
    }

    private static RuntimeException translate(Status status, IngestKey key, StatusRuntimeException cause) {
        return switch (status.getCode()) {
            case NOT_FOUND, INVALID_ARGUMENT, UNAUTHENTICATED, PERMISSION_DENIED ->
                new UnknownIngestKeyException("unknown ingest key " + key.prefix());
            default ->
                new TenantDirectoryUnavailableException(
                        "the tenant directory did not answer: " + status.getCode(), cause);
        };
    }
}
