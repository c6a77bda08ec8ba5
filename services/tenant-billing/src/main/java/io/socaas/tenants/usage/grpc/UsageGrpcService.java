package io.socaas.tenants.usage.grpc;

import io.quarkus.grpc.GrpcService;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.usage.v1.DailyUsage;
import io.socaas.proto.usage.v1.GetDailyUsageRequest;
import io.socaas.proto.usage.v1.GetDailyUsageResponse;
import io.socaas.proto.usage.v1.UsageService;
import io.socaas.tenants.access.TenantReaders;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.domain.UsagePeriod;
import io.socaas.tenants.usage.domain.UsageReport;

/**
 * {@code socaas.usage.v1.UsageService}: a tenant's daily usage for the portal and reports. Failures
 * become statuses in the service's one gRPC mapper ({@code GrpcStatusMapper}): NOT_FOUND for an
 * unknown tenant, INVALID_ARGUMENT for a bad range, PERMISSION_DENIED for a tenant the caller may
 * not read. The caller is the call's bearer token: a platform service with {@value #USAGE_READER}
 * reads any tenant, a user what {@link TenantReaders} allows it.
 */
@GrpcService
@Authenticated
public class UsageGrpcService implements UsageService {

    /** Realm role of a platform service that reads any tenant's usage. */
    static final String USAGE_READER = "svc-usage-reader";

    private final io.socaas.tenants.usage.UsageService usage;
    private final CurrentIdentityAssociation identities;
    private final TenantReaders readers;

    UsageGrpcService(
            io.socaas.tenants.usage.UsageService usage, CurrentIdentityAssociation identities, TenantReaders readers) {
        this.usage = usage;
        this.identities = identities;
        this.readers = readers;
    }

    @Override
    public Uni<GetDailyUsageResponse> getDailyUsage(GetDailyUsageRequest request) {
        // the identity is resolved lazily (proactive authentication is off): never block for it
        return identities.getDeferredIdentity().chain(identity -> {
            String requested = request.getTenantId();
            if (!TenantId.isValid(requested)) {
                throw new TenantNotFoundException(requested);
            }
            TenantId id = TenantId.of(requested);
            if (!identity.hasRole(USAGE_READER)) {
                // a user's token (the portal acting for it): MSSP staff any tenant, a customer its own
                readers.requireRead(identity, id);
            }
            UsagePeriod period = UsagePeriod.parse(request.getFrom(), request.getTo());
            return TenantLogContext.withTenant(id, () -> usage.daily(id, period).map(UsageGrpcService::toProto));
        });
    }

    static GetDailyUsageResponse toProto(UsageReport report) {
        GetDailyUsageResponse.Builder response = GetDailyUsageResponse.newBuilder()
                .setTenantId(report.tenant().value())
                .setTimeZone(report.timeZone().getId());
        report.days()
                .forEach(day -> response.addDays(DailyUsage.newBuilder()
                        .setDate(day.date().toString())
                        .setEventsAccepted(day.eventsAccepted())
                        .setRawBytes(day.rawBytes())
                        .setEventsRefusedQuota(day.eventsRefusedQuota())));
        return response.build();
    }
}
