package io.socaas.cases.casefile.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.socaas.cases.casefile.domain.CaseAccessDeniedException;
import io.socaas.cases.casefile.domain.CaseNotFoundException;
import io.socaas.cases.casefile.domain.InvalidCaseQueryException;
import io.socaas.cases.casefile.domain.UnknownTenantException;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one gRPC error mapper of the service: domain exceptions become the matching {@link Status};
 * anything else is INTERNAL with an error id (logged at ERROR), never the cause's message.
 */
final class GrpcStatusMapper {

    private static final Logger LOG = Logger.getLogger(GrpcStatusMapper.class);

    private GrpcStatusMapper() {}

    static StatusRuntimeException toStatus(Throwable failure) {
        return switch (failure) {
            case StatusRuntimeException already -> already;
            case CaseNotFoundException notFound -> client(Status.NOT_FOUND, notFound);
            case UnknownTenantException unknown -> client(Status.NOT_FOUND, unknown);
            case InvalidCaseQueryException invalid -> client(Status.INVALID_ARGUMENT, invalid);
            case CaseAccessDeniedException denied -> client(Status.PERMISSION_DENIED, denied);
            case io.socaas.cases.casefile.domain.InvalidCaseCommandException invalid ->
                client(Status.INVALID_ARGUMENT, invalid);
            case io.socaas.cases.casefile.domain.CaseConflictException conflict ->
                client(Status.FAILED_PRECONDITION, conflict);
            case io.socaas.cases.casefile.domain.StaleCaseException stale -> client(Status.ABORTED, stale);
            case io.socaas.cases.casefile.domain.TenantSuspendedException suspended ->
                client(Status.FAILED_PRECONDITION, suspended);
            default -> {
                String errorId = UUID.randomUUID().toString();
                LOG.errorf(failure, "gRPC call failed (error id %s)", errorId);
                yield Status.INTERNAL
                        .withDescription("the call could not be completed (error id " + errorId + ")")
                        .asRuntimeException();
            }
        };
    }

    private static StatusRuntimeException client(Status status, RuntimeException e) {
        LOG.debugf("gRPC %s: %s", status.getCode(), e.getMessage());
        return status.withDescription(e.getMessage()).asRuntimeException();
    }
}
