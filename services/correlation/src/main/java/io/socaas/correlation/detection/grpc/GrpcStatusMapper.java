package io.socaas.correlation.detection.grpc;

import io.grpc.Status;
import io.socaas.correlation.detection.opensearch.EventArchiveUnavailableException;
import io.socaas.correlation.intel.domain.IntelListsNotLoadedException;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.rules.domain.InvalidRuleException;
import io.socaas.correlation.rules.domain.UnknownTenantException;
import io.socaas.serviceidentity.GrpcFailureMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The one gRPC error mapper of correlation: a rule that does not load, an indicator document that
 * cannot be read, an unknown tenant, stored events out of reach.
 */
@ApplicationScoped
public class GrpcStatusMapper extends GrpcFailureMapper {

    @Override
    protected Optional<Status> domainStatus(Throwable failure) {
        if (failure instanceof InvalidRuleException || failure instanceof InvalidIndicatorException) {
            return Optional.of(Status.INVALID_ARGUMENT.withDescription(failure.getMessage()));
        }
        if (failure instanceof UnknownTenantException) {
            return Optional.of(Status.NOT_FOUND.withDescription(failure.getMessage()));
        }
        if (failure instanceof EventArchiveUnavailableException || failure instanceof IntelListsNotLoadedException) {
            return Optional.of(Status.UNAVAILABLE.withDescription(failure.getMessage()));
        }
        return Optional.empty();
    }
}
