package io.socaas.tenants.usage.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import io.socaas.events.TenantId;
import io.socaas.proto.usage.v1.DailyUsage;
import io.socaas.proto.usage.v1.GetDailyUsageRequest;
import io.socaas.proto.usage.v1.GetDailyUsageResponse;
import io.socaas.proto.usage.v1.UsageService;
import io.socaas.tenants.logging.TenantLogContext;
import io.socaas.tenants.tenant.domain.TenantNotFoundException;
import io.socaas.tenants.usage.domain.UsagePeriod;
import io.socaas.tenants.usage.domain.UsageReport;

/**
 * {@code socaas.usage.v1.UsageService}: a tenant's daily usage for the portal and reports. Failures
 * become statuses in the service's one gRPC mapper ({@code GrpcStatusMapper}): NOT_FOUND for an
 * unknown tenant, INVALID_ARGUMENT for a bad range.
 */
@GrpcService
public class UsageGrpcService implements UsageService {

    private final io.socaas.tenants.usage.UsageService usage;

    UsageGrpcService(io.socaas.tenants.usage.UsageService usage) {
        this.usage = usage;
    }

    @Override
    public Uni<GetDailyUsageResponse> getDailyUsage(GetDailyUsageRequest request) {
        return Uni.createFrom().deferred(() -> {
            String requested = request.getTenantId();
            if (!TenantId.isValid(requested)) {
                throw new TenantNotFoundException(requested);
            }
            TenantId id = TenantId.of(requested);
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
