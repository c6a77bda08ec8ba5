package io.socaas.tenants.tenant.grpc;

import io.grpc.Status;
import io.socaas.serviceidentity.GrpcFailureMapper;
import io.socaas.tenants.access.TenantAccessDeniedException;
import io.socaas.tenants.ingestkey.domain.IngestKeyNotFoundException;
import io.socaas.tenants.ingestkey.domain.IngestKeyRejectedException;
import io.socaas.tenants.ingestkey.domain.InvalidIngestKeyRequestException;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.domain.InvalidUsageQueryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The one gRPC error mapper of the service: its domain exceptions to {@link Status}. */
@ApplicationScoped
public class GrpcStatusMapper extends GrpcFailureMapper {

    @Override
    protected Optional<Status> domainStatus(Throwable failure) {
        if (failure instanceof TenantAccessDeniedException denied) {
            return Optional.of(Status.PERMISSION_DENIED.withDescription(denied.getMessage()));
        }
        if (failure instanceof IngestKeyRejectedException) {
            // one message whatever the reason (unknown, revoked, tenant not active)
            return Optional.of(Status.NOT_FOUND.withDescription(IngestKeyRejectedException.MESSAGE));
        }
        if (failure instanceof TenantNotFoundException || failure instanceof IngestKeyNotFoundException) {
            return Optional.of(Status.NOT_FOUND.withDescription(failure.getMessage()));
        }
        if (failure instanceof InvalidIngestKeyRequestException || failure instanceof InvalidUsageQueryException) {
            return Optional.of(Status.INVALID_ARGUMENT.withDescription(failure.getMessage()));
        }
        return Optional.empty();
    }
}
