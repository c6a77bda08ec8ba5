package io.socaas.correlation.detection.grpc;

import io.smallrye.mutiny.Uni;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.tenantlists.TenantIntelLists;
import io.socaas.correlation.rules.domain.UnknownTenantException;
import io.socaas.correlation.rules.tenantfacts.TenantRuleCatalog;
import io.socaas.events.TenantId;
import io.socaas.proto.detection.v1.IntelListSummary;
import io.socaas.proto.detection.v1.IntelProblem;
import io.socaas.proto.detection.v1.ListIntelRequest;
import io.socaas.proto.detection.v1.ListIntelResponse;
import io.socaas.proto.detection.v1.UploadIntelRequest;
import io.socaas.proto.detection.v1.UploadIntelResponse;
import io.socaas.proto.intel.v1.IntelList;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers the DetectionService calls about a tenant's own threat intelligence. */
@ApplicationScoped
class IntelRequests {

    private final TenantIntelLists lists;
    private final TenantRuleCatalog tenants;

    IntelRequests(TenantIntelLists lists, TenantRuleCatalog tenants) {
        this.lists = lists;
        this.tenants = tenants;
    }

    Uni<UploadIntelResponse> upload(UploadIntelRequest request, String uploadedBy) {
        TenantId tenant = knownTenant(request.getTenantId());
        if (request.getDefaultConfidence() < 0 || request.getDefaultConfidence() > 100) {
            throw new InvalidIndicatorException("default_confidence must be 0-100");
        }
        return lists.upload(
                        tenant,
                        request.getListName(),
                        request.getFormat(),
                        request.getContent().toByteArray(),
                        request.getDefaultConfidence(),
                        uploadedBy)
                .map(upload -> {
                    UploadIntelResponse.Builder response = UploadIntelResponse.newBuilder()
                            .setIndicatorCount(upload.indicators())
                            .setSkippedCount(upload.skipped());
                    upload.problems()
                            .forEach(p -> response.addProblems(IntelProblem.newBuilder()
                                    .setLocation(p.location())
                                    .setMessage(p.message())));
                    return response.build();
                });
    }

    ListIntelResponse list(ListIntelRequest request) {
        TenantId tenant = knownTenant(request.getTenantId());
        ListIntelResponse.Builder response = ListIntelResponse.newBuilder().setTenantId(tenant.value());
        for (IntelList list : lists.lists(tenant).getListsList()) {
            response.addLists(IntelListSummary.newBuilder()
                    .setName(list.getName())
                    .setFormat(list.getFormat())
                    .setUploadedBy(list.getUploadedBy())
                    .setUploadedTime(list.getUploadedTime())
                    .setIndicatorCount(list.getIndicatorsCount()));
        }
        return response.build();
    }

    private TenantId knownTenant(String id) {
        if (!TenantId.isValid(id) || tenants.current().find(TenantId.of(id)).isEmpty()) {
            throw new UnknownTenantException(id);
        }
        return TenantId.of(id);
    }
}
